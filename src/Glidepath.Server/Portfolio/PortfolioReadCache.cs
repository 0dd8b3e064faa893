using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Glidepath.Application.Portfolio;
using Glidepath.Domain.Currencies;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Portfolio;

/// <summary>
/// Serialised answers of the portfolio reads (positions, valuation, net worth), kept in this process and keyed by
/// the read's parameters and the versions the database bumps on every change such an answer can show
/// (<see cref="ReadVersionGate"/>, docs/read-model.md "Read caches"). A hit costs one indexed query, shared by the
/// household's concurrent reads, and a copy of bytes;
/// several instances stay correct because the version comes from the database.
/// A read whose model is not current is answered uncached. Answers carry an ETag: a matching If-None-Match is 304.
/// </summary>
public sealed class PortfolioReadCache : IDisposable
{
    /// <summary>Bytes of JSON kept at most (a 10-year daily net-worth series is about 140 KB).</summary>
    private const long SizeLimit = 64L * 1024 * 1024;

    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = SizeLimit });
    private readonly JsonSerializerOptions json;

    private readonly ReadVersionGate versions;

    public PortfolioReadCache(IOptions<JsonOptions> options, ReadVersionGate versions)
    {
        ArgumentNullException.ThrowIfNull(options);
        json = options.Value.SerializerOptions;
        this.versions = versions;
    }

    /// <summary>
    /// The cached answer for <paramref name="what"/> (the read and its parameters), else <paramref name="compute"/>'s,
    /// which is given the reporting currency the version query saw (null: not current, look it up) and answers a
    /// value to serialise or a problem (never cached).
    /// </summary>
    public async Task<IResult> ServeAsync<T>(
        HttpContext http, Guid householdId, string what, Func<Currency?, Task<(T? Value, IResult? Problem)>> compute)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(compute);
        var version = await versions.CurrentVersionAsync(householdId, http.RequestAborted);
        var key = version is { } v
            ? string.Create(CultureInfo.InvariantCulture, $"{householdId:N}|{what}|{v.ReportingCurrency.Code}|{v.Household}|{v.Shared}")
            : null;
        if (key is not null && entries.TryGetValue(key, out CachedJson? hit) && hit is not null)
        {
            return hit;
        }

        var (value, problem) = await compute(version?.ReportingCurrency);
        if (problem is not null)
        {
            return problem;
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, json);
        if (key is null)
        {
            return new CachedJson(bytes, ETag: null);
        }

        var answer = new CachedJson(bytes, ETagOf(key));
        entries.Set(key, answer, new MemoryCacheEntryOptions { Size = bytes.Length, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return answer;
    }

    public void Dispose() => entries.Dispose();

    /// <summary>Stable across instances (the key holds the database's versions), opaque to the client.</summary>
    private static string ETagOf(string key) => "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16) + "\"";
}

/// <summary>A JSON answer already serialised; 304 when the request's If-None-Match names its ETag.</summary>
internal sealed record CachedJson(byte[] Body, string? ETag) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        if (ETag is not null)
        {
            // Cache-Control stays no-store (SecurityHeaders): a client that kept the body may still revalidate it.
            response.Headers.ETag = ETag;
            if (httpContext.Request.Headers.IfNoneMatch.Any(t => t is not null && (t == ETag || t == "*" || t.Split(',').Any(p => p.Trim() == ETag))))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = Body.Length;
        return response.Body.WriteAsync(Body, httpContext.RequestAborted).AsTask();
    }
}
