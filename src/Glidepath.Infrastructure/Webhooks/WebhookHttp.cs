using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Glidepath.Infrastructure.Webhooks;

/// <summary>
/// The named <c>HttpClient</c> deliveries go out on: redirects not followed (a 3xx is a failed
/// attempt), the SSRF check at connect time, a per-request timeout. No resilience handler: the
/// outbox retries with backoff across restarts, an in-process retry would only hide attempts.
/// </summary>
public static class WebhookHttp
{
    public const string ClientName = "webhooks";

    public static IServiceCollection AddWebhookHttp(this IServiceCollection services)
    {
        services.AddHttpClient(ClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowLoopback = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowLoopback == true;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    UseProxy = false, // a proxy would connect for us and bypass the address check
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5), // DNS changes are seen (and checked again)
                    ConnectCallback = (context, ct) => WebhookAddresses.ConnectAsync(context, allowLoopback, ct),
                };
            });
        return services;
    }
}
