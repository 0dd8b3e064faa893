using System.Collections.Concurrent;
using System.Security.Cryptography;
using Glidepath.Server.Auth;
using Glidepath.Server.Errors;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace Glidepath.Server.Api;

/// <summary>
/// <c>Idempotency-Key</c> on the POSTs of /api (draft-ietf-httpapi-idempotency-key-header, docs/api.md): the first
/// successful answer to a key is kept for 24 hours per signed-in user and route, and a retry with the same key and
/// the same body gets it again (<c>Idempotent-Replayed: true</c>) without running the operation twice. The same key
/// with another body is 422 <c>idempotency-key-reused</c>; a retry while the first is still running is 409
/// <c>idempotency-key-in-flight</c>. Failed answers are not kept, so a retry runs again. Kept in this process.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    private static readonly TimeSpan Keep = TimeSpan.FromHours(24);

    public static IServiceCollection AddIdempotencyKeys(this IServiceCollection services) =>
        services.AddSingleton<IdempotencyStore>();

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var key = context.Request.Headers[Header].ToString();
            if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0
                || !context.Request.Path.StartsWithSegments(ApiVersioning.UnversionedPrefix, StringComparison.OrdinalIgnoreCase))
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

            if (store.Answers.TryGetValue(slot, out KeptAnswer? kept) && kept is not null)
            {
                await (kept.Fingerprint == fingerprint
                    ? kept.WriteAsync(context)
                    : new UnprocessableProblem("idempotency-key-reused", "This Idempotency-Key was used with another request body.").ExecuteAsync(context));
                return;
            }

            if (!store.InFlight.TryAdd(slot, 0))
            {
                await new ConflictProblem("idempotency-key-in-flight", "A request with this Idempotency-Key is still running; retry later.").ExecuteAsync(context);
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
                    store.Answers.Set(slot, new KeptAnswer(fingerprint, response.StatusCode, response.ContentType, response.Headers.Location.ToString(), buffer.ToArray()),
                        new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Keep, Size = buffer.Length + 1 });
                }
            }
            finally
            {
                context.Response.Body = original;
                store.InFlight.TryRemove(slot, out _);
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        });

    private sealed record KeptAnswer(string Fingerprint, int Status, string? ContentType, string Location, byte[] Body)
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

/// <summary>The kept answers (64 MB at most) and the keys whose first request is still running.</summary>
internal sealed class IdempotencyStore : IDisposable
{
    public MemoryCache Answers { get; } = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024 });

    public ConcurrentDictionary<string, byte> InFlight { get; } = new(StringComparer.Ordinal);

    public void Dispose() => Answers.Dispose();
}
