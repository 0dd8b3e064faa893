using System.Globalization;
using System.Threading.RateLimiting;

namespace Glidepath.Server.Protection;

/// <summary>
/// The IETF RateLimit headers (draft-ietf-httpapi-ratelimit-headers) on every answer of a rate-limited route, 429s
/// included: <c>RateLimit-Policy: "api";q=60;w=60</c> (quota per window of seconds) and <c>RateLimit: "api";r=59;t=42</c>
/// (what is left, and seconds until the window resets). The fixed-window limiters are wrapped
/// (<see cref="TrackedWindowLimiter"/>) so that each acquisition leaves its partition's state on the request.
/// </summary>
public static class RateLimitHeaders
{
    internal const string ItemKey = "glidepath.rate-limit";

    /// <summary>Registers the headers' writer; call before the rate limiter runs (the state is read when the answer starts).</summary>
    public static IApplicationBuilder UseRateLimitHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Items[ItemKey] is RateLimitState state)
                {
                    var headers = context.Response.Headers;
                    headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"\"{state.Policy}\";q={state.Quota};w={state.WindowSeconds}");
                    headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"\"{state.Policy}\";r={state.Remaining};t={state.ResetSeconds}");
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}

internal sealed record RateLimitState(string Policy, int Quota, int WindowSeconds, long Remaining, int ResetSeconds);

/// <summary>
/// A <see cref="FixedWindowRateLimiter"/> (one per partition, replenishing itself) that records on the current
/// request what is left of its window after each acquisition, for <see cref="RateLimitHeaders"/>.
/// </summary>
internal sealed class TrackedWindowLimiter(string policy, FixedWindowRateLimiterOptions options, IHttpContextAccessor accessor, TimeProvider clock) : RateLimiter
{
    private readonly FixedWindowRateLimiter inner = new(options);
    private readonly long started = clock.GetTimestamp();

    public override TimeSpan? IdleDuration => inner.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Record(inner.AttemptAcquire(permitCount));

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        Record(await inner.AcquireAsync(permitCount, cancellationToken));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await inner.DisposeAsync();
        await base.DisposeAsyncCore();
    }

    private RateLimitLease Record(RateLimitLease lease)
    {
        if (accessor.HttpContext is { } http)
        {
            // The window's timer started with the limiter: it resets every Window from then on.
            var window = options.Window;
            var elapsed = clock.GetElapsedTime(started);
            var left = window - TimeSpan.FromTicks(elapsed.Ticks % window.Ticks);
            var remaining = inner.GetStatistics()?.CurrentAvailablePermits ?? 0;
            http.Items[RateLimitHeaders.ItemKey] = new RateLimitState(
                policy, options.PermitLimit, (int)window.TotalSeconds, Math.Max(0, remaining), Math.Max(1, (int)Math.Ceiling(left.TotalSeconds)));
        }

        return lease;
    }
}
