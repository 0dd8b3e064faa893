using StackExchange.Redis;

namespace Glidepath.Server.ScaleOut;

/// <summary>What a window holds after one acquisition: the count in it (this one included) and the time until it ends.</summary>
public readonly record struct WindowCount(long Count, TimeSpan Left);

/// <summary>
/// The rate-limit counters in Redis, shared by every instance (docs/security.md, "Rate limits"): fixed windows (the
/// per-user and per-IP budgets) and token buckets (the expensive-read budget). Each is one Lua script, so a count is
/// read and changed atomically whichever instance asks, and keys expire with their window. A window starts at its
/// first request, like the in-memory <see cref="System.Threading.RateLimiting.FixedWindowRateLimiter"/>; a bucket
/// refills continuously on Redis's clock (<c>TIME</c>), so the instances' clocks do not matter.
/// </summary>
public sealed class RedisRateCounters(RedisConnection redis)
{
    private const string WindowScript = """
        local n = redis.call('INCRBY', KEYS[1], ARGV[1])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          ttl = tonumber(ARGV[2])
        end
        return {n, ttl}
        """;

    private const string BucketScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local capacity = tonumber(ARGV[1])
        local perMs = tonumber(ARGV[2])
        local cost = tonumber(ARGV[3])
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(state[1]) or capacity
        local at = tonumber(state[2]) or now
        tokens = math.min(capacity, tokens + math.max(0, now - at) * perMs)
        local wait = 0
        if tokens >= cost then
          tokens = tokens - cost
        else
          wait = math.ceil((cost - tokens) / perMs)
        end
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
        redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / perMs) + 1000)
        return wait
        """;

    public bool IsShared => redis.IsConfigured;

    /// <summary>Adds <paramref name="cost"/> to the window <paramref name="key"/> (started now if none is open) and answers its state.</summary>
    public async Task<WindowCount> HitWindowAsync(string key, int cost, TimeSpan window)
    {
        var db = await redis.DatabaseAsync();
        var result = (RedisResult[])(await db.ScriptEvaluateAsync(WindowScript, [redis.Key("rate:" + key)], [cost, (long)window.TotalMilliseconds]))!;
        return new WindowCount((long)result[0], TimeSpan.FromMilliseconds((long)result[1]));
    }

    /// <summary>Takes <paramref name="cost"/> tokens from the bucket <paramref name="key"/> (full when new): null when taken, else how long until they are there.</summary>
    public async Task<TimeSpan?> TakeTokensAsync(string key, int capacity, int perMinute, int cost)
    {
        var db = await redis.DatabaseAsync();
        var perMs = perMinute / 60_000.0;
        var wait = (long)(await db.ScriptEvaluateAsync(BucketScript, [redis.Key("bucket:" + key)], [capacity, perMs, cost]));
        return wait <= 0 ? null : TimeSpan.FromMilliseconds(wait);
    }
}
