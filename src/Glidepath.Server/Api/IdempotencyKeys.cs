using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Glidepath.Server.Auth;
using Glidepath.Server.Errors;
using Glidepath.Server.ScaleOut;
using Microsoft.Extensions.Caching.Distributed;

namespace Glidepath.Server.Api;

/// <summary>
/// <c>Idempotency-Key</c> on the POSTs of /api (draft-ietf-httpapi-idempotency-key-header, docs/api.md): the first
/// successful answer to a key is kept for 24 hours per signed-in user and route, and a retry with the same key and
/// the same body gets it again (<c>Idempotent-Replayed: true</c>) without running the operation twice. The same key
/// with another body is 422 <c>idempotency-key-reused</c>; a retry while the first is still running is 409
/// <c>idempotency-key-in-flight</c>. Failed answers are not kept, so a retry runs again. The answers are kept in the
/// distributed cache (<see cref="IDistributedCache"/>: Redis with <c>ConnectionStrings:Redis</c>, so a retry that another
/// instance serves is replayed too; this process's memory otherwise), and so is the in-flight mark (<see cref="IdempotencyStore"/>).
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    private static readonly TimeSpan Keep = TimeSpan.FromHours(24);

    /// <summary>
    /// Marks a POST that keeps its own keys in the database with what it wrote (transactions, orders): durable and
    /// shared by every instance, and its retry answers 200 with what the first request made. The middleware leaves it alone.
    /// </summary>
    public static TBuilder KeepsItsOwnIdempotency<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint.Add(b => b.Metadata.Add(new OwnIdempotency()));
        return endpoint;
    }

    /// <summary>The store (its cache is the distributed cache that <see cref="ScaleOutRegistration.AddScaleOut"/> registers).</summary>
    public static IServiceCollection AddIdempotencyKeys(this IServiceCollection services) =>
        services.AddSingleton<IdempotencyStore>();

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var key = context.Request.Headers[Header].ToString();
            if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0
                || !context.Request.Path.StartsWithSegments(ApiVersioning.UnversionedPrefix, StringComparison.OrdinalIgnoreCase)
                || context.GetEndpoint()?.Metadata.GetMetadata<OwnIdempotency>() is not null)
            {
                await next(context);
                return;
            }

            if (key.Length > 255)
            {
                await ValidationErrors.Single(Header, "The key has at most 255 characters.").ExecuteAsync(context);
                return;
            }

            context.Request.EnableBuffering();
            var fingerprint = Convert.ToHexString(await SHA256.HashDataAsync(context.Request.Body, context.RequestAborted));
            context.Request.Body.Position = 0;
            var store = context.RequestServices.GetRequiredService<IdempotencyStore>();
            var slot = $"{context.User.UserId():N}|{context.Request.Path.Value}{context.Request.QueryString}|{key}";

            Task Replay(KeptAnswer kept) => kept.Fingerprint == fingerprint
                ? kept.WriteAsync(context)
                : new UnprocessableProblem("idempotency-key-reused", "This Idempotency-Key was used with another request body.").ExecuteAsync(context);

            if (await store.GetAsync(slot, context.RequestAborted) is { } kept)
            {
                await Replay(kept);
                return;
            }

            if (!await store.TryBeginAsync(slot))
            {
                await new ConflictProblem("idempotency-key-in-flight", "A request with this Idempotency-Key is still running; retry later.").ExecuteAsync(context);
                return;
            }

            // The first request (here or on another instance) may have kept its answer and let go of the key between
            // the look above and taking the key: look again now that this request holds it.
            if (await store.GetAsync(slot, context.RequestAborted) is { } keptMeanwhile)
            {
                await store.EndAsync(slot);
                await Replay(keptMeanwhile);
                return;
            }

            var original = context.Response.Body;
            await using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
                var response = context.Response;
                if (response.StatusCode is >= 200 and < 300)
                {
                    await store.KeepAsync(slot, new KeptAnswer(fingerprint, response.StatusCode, response.ContentType, response.Headers.Location.ToString(), buffer.ToArray()), Keep);
                }
            }
            finally
            {
                context.Response.Body = original;
                await store.EndAsync(slot);
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        });

    internal sealed record KeptAnswer(string Fingerprint, int Status, string? ContentType, string Location, byte[] Body)
    {
        public Task WriteAsync(HttpContext context)
        {
            var response = context.Response;
            response.StatusCode = Status;
            response.ContentType = ContentType;
            if (Location.Length > 0)
            {
                response.Headers.Location = Location;
            }

            response.Headers["Idempotent-Replayed"] = "true";
            response.ContentLength = Body.Length;
            return response.Body.WriteAsync(Body, context.RequestAborted).AsTask();
        }
    }
}

/// <summary>
/// The kept answers, in the distributed cache (Redis, or 64 MB of this process's memory), and the keys whose first
/// request is still running: a Redis key set only if absent (expiring after <see cref="InFlightFor"/>, should the
/// instance die mid-request) when Redis is configured, else a set in this process.
/// </summary>
internal sealed partial class IdempotencyStore(IDistributedCache cache, RedisConnection redis, ILogger<IdempotencyStore> log)
{
    /// <summary>How long a request's in-flight mark outlives an instance that died while running it.</summary>
    public static readonly TimeSpan InFlightFor = TimeSpan.FromMinutes(2);

    private const string CachePrefix = "idempotency:";

    private readonly ConcurrentDictionary<string, byte> inFlight = new(StringComparer.Ordinal);

    /// <summary>The answer kept for <paramref name="slot"/>; null when none is (or the cache cannot be reached: the request then runs).</summary>
    public async Task<IdempotencyKeys.KeptAnswer?> GetAsync(string slot, CancellationToken ct)
    {
        try
        {
            var bytes = await cache.GetAsync(CachePrefix + slot, ct);
            return bytes is null ? null : JsonSerializer.Deserialize<IdempotencyKeys.KeptAnswer>(bytes);
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            LogRedisFailed(e);
            return null;
        }
    }

    public async Task KeepAsync(string slot, IdempotencyKeys.KeptAnswer answer, TimeSpan keep)
    {
        try
        {
            await cache.SetAsync(CachePrefix + slot, JsonSerializer.SerializeToUtf8Bytes(answer), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = keep });
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            LogRedisFailed(e);
        }
    }

    /// <summary>Marks <paramref name="slot"/> in flight; false when another request (on any instance) holds it.</summary>
    public async Task<bool> TryBeginAsync(string slot)
    {
        if (!inFlight.TryAdd(slot, 0))
        {
            return false;
        }

        if (!redis.IsConfigured)
        {
            return true;
        }

        try
        {
            var db = await redis.DatabaseAsync();
            if (await db.StringSetAsync(redis.Key("in-flight:" + slot), 1, InFlightFor, StackExchange.Redis.When.NotExists))
            {
                return true;
            }
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            LogRedisFailed(e); // this process's mark still stops a concurrent retry here
            return true;
        }

        inFlight.TryRemove(slot, out _);
        return false;
    }

    public async Task EndAsync(string slot)
    {
        if (redis.IsConfigured)
        {
            try
            {
                var db = await redis.DatabaseAsync();
                await db.KeyDeleteAsync(redis.Key("in-flight:" + slot));
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                LogRedisFailed(e);
            }
        }

        inFlight.TryRemove(slot, out _);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis could not keep or read an Idempotency-Key's answer or in-flight mark; this instance's own mark holds")]
    private partial void LogRedisFailed(Exception exception);
}

/// <summary>Endpoint metadata: see <see cref="IdempotencyKeys.KeepsItsOwnIdempotency"/>.</summary>
public sealed class OwnIdempotency;
