using Glidepath.Application.Webhooks;
using Glidepath.Infrastructure.Webhooks;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Webhooks;

/// <summary>
/// The delivery worker (docs/webhooks.md): rounds of <see cref="WebhookSender.RunOnceAsync"/> back to
/// back while there is work, one poll interval apart when idle. Everything it does is in the
/// database (outbox, deliveries with leases), so any number of instances share the work and a
/// restart picks up where a crashed one stopped.
/// </summary>
public sealed partial class WebhookWorker(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookWorker> log) : BackgroundService
{
    /// <summary>This instance's lease name: unique per process, so a restarted server never mistakes a dead one's lease for its own.</summary>
    private readonly string owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                handled = await scope.ServiceProvider.GetRequiredService<WebhookSender>().RunOnceAsync(owner, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A database hiccup (a busy SQLite file, a lost connection) must not end the loop.
                LogRoundFailed(e);
            }

            if (handled == 0)
            {
                await Task.Delay(settings.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook delivery round failed; trying again")]
    private partial void LogRoundFailed(Exception e);
}
