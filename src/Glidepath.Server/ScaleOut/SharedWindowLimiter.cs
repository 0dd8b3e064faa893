using System.Threading.RateLimiting;
using Glidepath.Server.Protection;

namespace Glidepath.Server.ScaleOut;

/// <summary>
/// One partition's fixed window in Redis (<see cref="RedisRateCounters"/>): every instance draws on the same budget, so
/// the 61st request of a user in a minute is refused whichever instance serves it. ASP.NET Core's rate limiter asks
/// <see cref="RateLimiter.AttemptAcquire(int)"/> first and, when refused, <see cref="RateLimiter.AcquireAsync(int, CancellationToken)"/>:
/// the synchronous attempt refuses without counting (it would block a thread on the network), and the asynchronous one
/// counts in Redis. When Redis cannot be reached the window of this process (<paramref name="fallback"/>) decides, so
/// an outage of Redis loosens the limits to one budget per instance instead of refusing every request.
/// </summary>
internal sealed partial class SharedWindowLimiter(
    RedisRateCounters counters, string policy, string key, FixedWindowRateLimiterOptions options, IHttpContextAccessor accessor, RateLimiter fallback, ILogger log)
    : RateLimiter
{
    private long lastUsed = Environment.TickCount64;

    public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Refused(null);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Volatile.Write(ref lastUsed, Environment.TickCount64);
        if (permitCount == 0)
        {
            return Lease.Granted;
        }

        WindowCount count;
        try
        {
            count = await counters.HitWindowAsync($"{policy}:{key}", permitCount, options.Window).WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            LogRedisFailed(log, e, policy);
            return await fallback.AcquireAsync(permitCount, cancellationToken);
        }

        var quota = options.PermitLimit;
        var left = count.Left <= TimeSpan.Zero ? options.Window : count.Left;
        if (accessor.HttpContext is { } http)
        {
            http.Items[RateLimitHeaders.ItemKey] = new RateLimitState(
                policy, quota, (int)options.Window.TotalSeconds, Math.Max(0, quota - count.Count), Math.Max(1, (int)Math.Ceiling(left.TotalSeconds)));
        }

        return count.Count <= quota ? Lease.Granted : Lease.Refused(left);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            fallback.Dispose();
        }

        base.Dispose(disposing);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis could not count the {Policy} rate limit; this instance's own window decides")]
    private static partial void LogRedisFailed(ILogger logger, Exception exception, string policy);

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public static Lease Refused(TimeSpan? retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
