using Glidepath.Infrastructure.Webhooks;

namespace Glidepath.Server.Webhooks;

public static class WebhookRegistration
{
    /// <summary>The <c>Webhooks</c> settings (loopback receivers allowed in Development unless set) and the delivery worker.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section))
            .PostConfigure(o => o.AllowLoopback ??= environment.IsDevelopment())
            .Validate(o => o.BatchSize >= 1 && o.Parallelism >= 1 && o.PollInterval > TimeSpan.Zero && o.LeaseDuration > o.RequestTimeout,
                "Webhooks needs BatchSize and Parallelism >= 1, a positive PollInterval and a LeaseDuration longer than RequestTimeout.")
            .ValidateOnStart();
        services.AddHostedService<WebhookWorker>();
        return services;
    }
}
