using System.CommandLine;
using Glidepath.Application.Notifications;
using Glidepath.Cli.Hosting;
using Glidepath.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Cli.Notifications;

/// <summary>
/// <c>glidepath notifications digest [--as-of DATE]</c> (operator): the daily digest job's use case on
/// demand, one e-mail per user who turned the digest on, once per user and day (a second run that day
/// sends nothing). Mail goes out as the server's would: SMTP when <c>Email:Smtp:Host</c> is set, else
/// the pickup folder <c>Auth:EmailPickupFolder</c>.
/// </summary>
public static class NotificationsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var asOf = new Option<DateOnly?>("--as-of") { Description = "The digest's day (default: today, UTC)." };
        var digest = new Command("digest", "Send the daily digest e-mails of a day (once per user and day).") { asOf };
        digest.SetAction((parse, ct) => DigestAsync(env, parse.GetValue(asOf), ct));
        return new Command("notifications", "Notifications (operator).") { digest };
    }

    private static async Task<int> DigestAsync(CliEnvironment env, DateOnly? asOf, CancellationToken ct)
    {
        // The server's default pickup folder (AuthOptions.EmailPickupFolder), relative to the working directory.
        var pickup = env.Configuration["Auth:EmailPickupFolder"] is { Length: > 0 } folder ? folder : Path.Combine("data", "mail");
        await using var services = await CliDatabase.OpenAsync(env, ct, s => s.AddEmail(env.Configuration, pickup).AddScoped<DailyDigests>());
        await using var scope = services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<DailyDigests>().SendAsync(asOf ?? env.Today, ct);
        env.Out.WriteLine(DailyDigests.Describe(run));
        return run.Failed > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }
}
