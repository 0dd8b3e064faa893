using System.Threading.RateLimiting;
using Glidepath.Server.Auth;
using Glidepath.Server.ScaleOut;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Protection;

/// <summary>
/// Cost-weighted fair share for expensive reads (positions, valuation, net worth, performance, alerts…:
/// each replays a household's ledger and values it, hundreds of milliseconds of CPU). Every user has a
/// token bucket of <see cref="RateLimitOptions.ReadCostPerMinute"/> units, refilled evenly over the minute;
/// an endpoint marked <see cref="ReadCosts.CostsReads"/> takes <see cref="RateLimitOptions.ExpensiveReadCost"/>
/// units, or answers 429 <c>rate-limited</c> with Retry-After when the bucket lacks them. Other users' buckets
/// are untouched, so one user cannot take the server's CPU from the rest. Cheap requests only count
/// against <see cref="RateLimitOptions.ApiPerMinute"/>. With <c>ConnectionStrings:Redis</c> the buckets are in Redis
/// (<see cref="RedisRateCounters"/>: one budget over every instance, refilled continuously rather than in steps; this
/// process's bucket decides while Redis is unreachable).
/// </summary>
public sealed partial class ReadCostLimiter : IDisposable
{
    /// <summary>The bucket refills in ten steps a minute, so a refused user waits seconds, not the whole minute.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(6);

    private readonly PartitionedRateLimiter<string> limiter;
    private readonly RedisRateCounters counters;
    private readonly ILogger<ReadCostLimiter> log;
    private readonly int perMinute;

    public ReadCostLimiter(IOptions<RateLimitOptions> options, RedisRateCounters counters, ILogger<ReadCostLimiter> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.counters = counters;
        this.log = log;
        perMinute = Math.Max(1, options.Value.ReadCostPerMinute);
        Cost = Math.Clamp(options.Value.ExpensiveReadCost, 1, perMinute);
        limiter = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = Math.Max(1, (int)Math.Ceiling(perMinute / 10.0)),
            ReplenishmentPeriod = Step,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Units one expensive read takes (at most the whole bucket, so a read can always succeed eventually).</summary>
    public int Cost { get; }

    /// <summary>Null when <paramref name="user"/> may make one more expensive read now; otherwise how long to wait.</summary>
    public async ValueTask<TimeSpan?> TryAcquireAsync(string user)
    {
        if (counters.IsShared)
        {
            try
            {
                return await counters.TakeTokensAsync("reads:" + user, perMinute, perMinute, Cost);
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                LogRedisFailed(e);
            }
        }

        using var lease = limiter.AttemptAcquire(user, Cost);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Step;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis could not take from a read-cost budget; this instance's own bucket decides")]
    private partial void LogRedisFailed(Exception exception);

    public void Dispose() => limiter.Dispose();
}

/// <summary>Marks expensive reads and applies <see cref="ReadCostLimiter"/> to them.</summary>
public static class ReadCosts
{
    /// <summary>Marks an endpoint as an expensive read: it draws on the caller's read-cost budget.</summary>
    public static TBuilder CostsReads<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint.Add(b => b.Metadata.Add(new ExpensiveRead()));
        return endpoint;
    }

    /// <summary>Adds the budget check to every endpoint of <paramref name="api"/> (call once, on the /api group); unmarked endpoints pass.</summary>
    public static RouteGroupBuilder RequireReadBudget(this RouteGroupBuilder api)
    {
        api.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.GetEndpoint()?.Metadata.GetMetadata<ExpensiveRead>() is null || http.User.UserId() is var user && user == Guid.Empty)
            {
                return await next(context);
            }

            var limiter = http.RequestServices.GetRequiredService<ReadCostLimiter>();
            return await limiter.TryAcquireAsync(user.ToString("N")) is { } wait ? new TooManyRequestsProblem(wait) : await next(context);
        });
        return api;
    }
}

/// <summary>Endpoint metadata: an expensive read (see <see cref="ReadCostLimiter"/>).</summary>
public sealed class ExpensiveRead;
