using System.Net;
using Glidepath.Domain.MarketData;

namespace Glidepath.Infrastructure.MarketData;

/// <summary>
/// One GET through a provider's resilient client (retries, breaker and timeout run inside it):
/// a status that is still not success afterwards becomes one line naming provider, symbol and status.
/// The URL is never in the message: it can carry the API key.
/// </summary>
internal static class ProviderHttp
{
    public static async Task<string> GetStringAsync(HttpClient http, string relativeUrl, string provider, string what, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(relativeUrl, UriKind.Relative), ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new MarketDataException(response.StatusCode switch
            {
                HttpStatusCode.NotFound => $"{provider} does not know {what} (404).",
                HttpStatusCode.TooManyRequests => $"{provider} is rate limiting us (429) after every retry; try again later.",
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => $"{provider} refused the API key ({(int)response.StatusCode}).",
                _ => $"{provider} answered {(int)response.StatusCode} {response.ReasonPhrase} for {what}.",
            });
        }

        return await response.Content.ReadAsStringAsync(ct);
    }

    public static async Task<byte[]> GetBytesAsync(HttpClient http, string relativeUrl, string provider, string what, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(relativeUrl, UriKind.Relative), ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new MarketDataException($"{provider} answered {(int)response.StatusCode} {response.ReasonPhrase} for {what}.");
        }

        return await response.Content.ReadAsByteArrayAsync(ct);
    }
}
