using System.Net;
using Microsoft.Extensions.Caching.Memory;

namespace Glidepath.Infrastructure.MarketData;

/// <summary>
/// Reuses a provider's successful GET answer for the same URL for a while: a refresh run twice,
/// or a price refresh and a search in one minute, asks the provider once. Sits outside the
/// resilience pipeline, so a cached answer spends no request budget.
/// </summary>
internal sealed class ResponseCacheHandler(IMemoryCache cache, TimeSpan cacheFor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get || cacheFor <= TimeSpan.Zero || request.RequestUri is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var key = ("market-data", request.RequestUri.AbsoluteUri);
        if (cache.TryGetValue(key, out Cached? hit) && hit is not null)
        {
            return hit.ToResponse(request);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return response;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var cached = new Cached(body, response.Content.Headers.ContentType?.ToString());
        cache.Set(key, cached, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = cacheFor });
        response.Dispose();
        return cached.ToResponse(request);
    }

    private sealed record Cached(byte[] Body, string? ContentType)
    {
        public HttpResponseMessage ToResponse(HttpRequestMessage request)
        {
            var content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }
    }
}
