using StackExchange.Redis;

namespace Glidepath.Server.ScaleOut;

/// <summary>The <c>Redis</c> section: what several instances share besides <c>ConnectionStrings:Redis</c> (docs/operations.md).</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>The connection-string name: <c>ConnectionStrings:Redis</c> (StackExchange.Redis format, e.g. <c>127.0.0.1:6379,password=…</c>).</summary>
    public const string ConnectionStringName = "Redis";

    /// <summary>
    /// Put before every key and SignalR channel this app writes, so one Redis can serve several deployments (or test runs):
    /// every instance of one deployment must use the same prefix.
    /// </summary>
    public string KeyPrefix { get; set; } = "glidepath:";
}

/// <summary>
/// One multiplexed connection to Redis for the rate-limit counters, the idempotency locks and the health check
/// (the distributed cache and the SignalR backplane open their own), or <see cref="IsConfigured"/> false without
/// <c>ConnectionStrings:Redis</c>: one instance, counters in memory. Connects on first use and reconnects by
/// itself (<c>abortConnect=false</c>), so a server starts while Redis is still down.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>>? connection;

    public RedisConnection(string? connectionString, string keyPrefix)
    {
        KeyPrefix = keyPrefix;
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var options = Options(connectionString);
            connection = new Lazy<Task<IConnectionMultiplexer>>(async () => await ConnectionMultiplexer.ConnectAsync(options));
        }
    }

    public bool IsConfigured => connection is not null;

    public string KeyPrefix { get; }

    /// <summary>The connection options every Redis user of this app takes: never abort on a failed connect, fail fast while disconnected, short timeouts.</summary>
    public static ConfigurationOptions Options(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        // While disconnected a command fails at once rather than waiting in a backlog: the rate limits then fall back
        // to this instance's own counters without holding every request for the timeout.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 5000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 2000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 2000);
        return options;
    }

    /// <summary>The database; throws <see cref="InvalidOperationException"/> when Redis is not configured.</summary>
    public async Task<IDatabase> DatabaseAsync() =>
        (await (connection ?? throw new InvalidOperationException("ConnectionStrings:Redis is not set.")).Value).GetDatabase();

    /// <summary>The round trip of a PING; null when Redis does not answer (or is not configured).</summary>
    public async Task<TimeSpan?> PingAsync(CancellationToken ct)
    {
        if (connection is null)
        {
            return null;
        }

        try
        {
            var db = await DatabaseAsync().WaitAsync(TimeSpan.FromSeconds(5), ct);
            return await db.PingAsync().WaitAsync(TimeSpan.FromSeconds(5), ct);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>The key <paramref name="name"/> under <see cref="KeyPrefix"/>.</summary>
    public RedisKey Key(string name) => KeyPrefix + name;

    public async ValueTask DisposeAsync()
    {
        if (connection is { IsValueCreated: true } && connection.Value.IsCompletedSuccessfully)
        {
            await connection.Value.Result.DisposeAsync();
        }
    }
}
