using System.Threading.RateLimiting;
using Glidepath.Server.Auth;
using Glidepath.Server.ScaleOut;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Protection;

/// <summary>
/// ASP.NET Core's rate limiter: <see cref="Api"/> (per user on /api), <see cref="Auth"/> (per IP on
/// /auth), and <see cref="AccountRateLimiter"/> per account inside login and refresh. A refusal is
/// 429 problem details with Retry-After; every answer of a limited route carries the RateLimit headers
/// (<see cref="RateLimitHeaders"/>). With <c>ConnectionStrings:Redis</c> the counters are in Redis and every
/// instance draws on the same budget (<see cref="SharedWindowLimiter"/>); without it they are in this process
/// (docs/security.md, docs/operations.md).
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

    /// <summary>
    /// A per-minute window for <paramref name="key"/> that reports its state for the RateLimit headers: in Redis when it
    /// is configured (this process's window deciding while Redis is unreachable), else in this process.
    /// </summary>
    private static RateLimitPartition<string> Tracked(HttpContext http, string policy, string key, int permits) =>
        RateLimitPartition.Get(key, _ =>
        {
            var services = http.RequestServices;
            var accessor = services.GetRequiredService<IHttpContextAccessor>();
            var local = new TrackedWindowLimiter(policy, PerMinute(permits), accessor, services.GetRequiredService<TimeProvider>());
            var counters = services.GetRequiredService<RedisRateCounters>();
            return counters.IsShared
                ? new SharedWindowLimiter(counters, policy, key, PerMinute(permits), accessor, local, services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits)))
                : local;
        });

    internal static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    /// <summary>The connection's address. Behind a reverse proxy, enable forwarded headers so this is the client's.</summary>
    private static string ClientIp(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

/// <summary>
/// Per-account limits that need the request body (the e-mail) or the refresh token's user: in Redis when it is
/// configured (one budget over every instance; this process's window while Redis is unreachable), else in this process.
/// </summary>
public sealed partial class AccountRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;
    private readonly RedisRateCounters counters;
    private readonly int permits;
    private readonly ILogger<AccountRateLimiter> log;

    public AccountRateLimiter(IOptions<RateLimitOptions> options, RedisRateCounters counters, ILogger<AccountRateLimiter> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        permits = Math.Max(1, options.Value.AuthPerAccountPerMinute);
        this.counters = counters;
        this.log = log;
        limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => RateLimits.PerMinute(permits)));
    }

    /// <summary>Null when allowed; otherwise how long to wait.</summary>
    public async ValueTask<TimeSpan?> TryAcquireAsync(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var key = account.ToUpperInvariant();
        if (counters.IsShared)
        {
            try
            {
                var count = await counters.HitWindowAsync("account:" + key, 1, TimeSpan.FromMinutes(1));
                return count.Count <= permits ? null : count.Left > TimeSpan.Zero ? count.Left : TimeSpan.FromMinutes(1);
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                LogRedisFailed(e);
            }
        }

        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis could not count a per-account limit; this instance's own window decides")]
    private partial void LogRedisFailed(Exception exception);

    public void Dispose() => limiter.Dispose();
}
