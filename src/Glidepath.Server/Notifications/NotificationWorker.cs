using Glidepath.Application.Notifications;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Notifications;

/// <summary>The <c>Notifications</c> settings.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often the sender looks for notifications it still owes when idle.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int BatchSize { get; set; } = 50;
}

/// <summary>
/// Sends what notifications still owe (<see cref="NotificationSender"/>): rounds back to back while there
/// is work, one poll interval apart when idle. The state is in the database, so a restart resumes.
/// </summary>
public sealed partial class NotificationWorker(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<NotificationWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                handled = await scope.ServiceProvider.GetRequiredService<NotificationSender>().RunOnceAsync(settings.BatchSize, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogRoundFailed(e);
            }

            if (handled == 0)
            {
                await Task.Delay(settings.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification round failed; trying again")]
    private partial void LogRoundFailed(Exception e);
}

public static class NotificationRegistration
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section))
            .Validate(o => o.BatchSize >= 1 && o.PollInterval > TimeSpan.Zero, "Notifications needs BatchSize >= 1 and a positive PollInterval.")
            .ValidateOnStart();
        // Here, not in AddGlidepathApplication: sending needs the e-mail, SMS and push senders only the server registers.
        services.AddScoped<NotificationSender>();
        services.AddScoped<DailyDigests>();
        services.AddHostedService<NotificationWorker>();
        return services;
    }
}
