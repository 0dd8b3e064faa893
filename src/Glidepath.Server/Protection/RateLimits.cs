using System.Threading.RateLimiting;
using Glidepath.Server.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Protection;

/// <summary>
/// ASP.NET Core's rate limiter: <see cref="Api"/> (per user on /api), <see cref="Auth"/> (per IP on
/// /auth), and <see cref="AccountRateLimiter"/> per account inside login and refresh. A refusal is
/// 429 problem details with Retry-After; every answer of a limited route carries the RateLimit headers
/// (<see cref="RateLimitHeaders"/>). Counters are per process; several instances each count
/// their own share (see docs/security.md).
/// </summary>
public static class RateLimits
{
    public const string Api = "api";
    public const string Auth = "auth";

    public static IServiceCollection AddGlidepathRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<AccountRateLimiter>();
        services.AddSingleton<ReadCostLimiter>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                await new TooManyRequestsProblem(retryAfter).ExecuteAsync(context.HttpContext);
            };
            options.AddPolicy(Api, http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var user = http.User.UserId();
                var key = user != Guid.Empty ? "user:" + user.ToString("N") : "ip:" + ClientIp(http);
                return Tracked(http, Api, key, limits.ApiPerMinute);
            });
            options.AddPolicy(Auth, http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return Tracked(http, Auth, "ip:" + ClientIp(http), limits.AuthPerIpPerMinute);
            });
        });
        return services;
    }

    /// <summary>A per-minute window for <paramref name="key"/> that reports its state for the RateLimit headers.</summary>
    private static RateLimitPartition<string> Tracked(HttpContext http, string policy, string key, int permits) =>
        RateLimitPartition.Get(key, _ => new TrackedWindowLimiter(
            policy, PerMinute(permits), http.RequestServices.GetRequiredService<IHttpContextAccessor>(), http.RequestServices.GetRequiredService<TimeProvider>()));

    internal static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    /// <summary>The connection's address. Behind a reverse proxy, enable forwarded headers so this is the client's.</summary>
    private static string ClientIp(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

/// <summary>Per-account limits that need the request body (the e-mail) or the refresh token's user.</summary>
public sealed class AccountRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public AccountRateLimiter(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var permits = options.Value.AuthPerAccountPerMinute;
        limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => RateLimits.PerMinute(permits)));
    }

    /// <summary>Null when allowed; otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(string account)
    {
        using var lease = limiter.AttemptAcquire(account.ToUpperInvariant());
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => limiter.Dispose();
}
