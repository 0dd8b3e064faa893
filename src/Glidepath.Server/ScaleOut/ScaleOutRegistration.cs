using StackExchange.Redis;

namespace Glidepath.Server.ScaleOut;

/// <summary>
/// What several instances share through Redis when <c>ConnectionStrings:Redis</c> is set (docs/operations.md,
/// "Scaling out"): the rate-limit counters (<see cref="RedisRateCounters"/>), the distributed cache (the
/// Idempotency-Key answers), the SignalR backplane (a message sent on one instance reaches the hub's clients on every
/// instance) and Redis in <c>/health/detailed</c>. Without it, one instance: the same things in this process's memory.
/// The database queue (simulation runs, Quartz jobs) and the signing and Data Protection keys (<c>Auth:KeyFolder</c>,
/// a folder every instance mounts) are shared without Redis.
/// </summary>
public static class ScaleOutRegistration
{
    /// <summary>Registers the shared (Redis) or local parts; call after <c>AddRealtime</c> (it adds the backplane to SignalR).</summary>
    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(RedisOptions.ConnectionStringName);
        var options = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        services.Configure<RedisOptions>(configuration.GetSection(RedisOptions.Section));
        services.AddSingleton(new RedisConnection(connectionString, options.KeyPrefix));
        services.AddSingleton<RedisRateCounters>();
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.AddDistributedMemoryCache(cache => cache.SizeLimit = 64L * 1024 * 1024);
            return services;
        }

        services.AddStackExchangeRedisCache(cache =>
        {
            cache.ConfigurationOptions = RedisConnection.Options(connectionString);
            cache.InstanceName = options.KeyPrefix + "cache:";
        });
        // AddSignalR adds what is missing only; the backplane replaces the hub's in-process lifetime manager.
        services.AddSignalR().AddStackExchangeRedis(backplane =>
        {
            backplane.Configuration = RedisConnection.Options(connectionString);
            backplane.Configuration.ChannelPrefix = RedisChannel.Literal(options.KeyPrefix + "signalr:");
        });
        return services;
    }
}
