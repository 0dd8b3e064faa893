using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Webhooks;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Webhooks;

/// <summary>
/// At least once across a crash: the built server is started as a real process, killed with SIGKILL
/// while a delivery is on the wire (and before another committed event was sent), and started again.
/// The receiver sees every Glidepath-Delivery id once after de-duplication, the interrupted one at
/// least twice on the wire.
/// </summary>
public class WebhookCrashTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task KillNine_BetweenCommitAndDelivery_DeliveredAfterRestart(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.HoldFirst = TimeSpan.FromSeconds(60);
        var household = new Household { Name = "Crash" };
        var subscription = new WebhookSubscription
        {
            HouseholdId = household.Id,
            Url = receiver.Url,
            Events = EventTypes.TransactionCreated,
            Secret = WebhookSignature.NewSecret(),
            CreatedUtc = DateTimeOffset.UtcNow,
        };
        await using (var db = database.CreateDbContext())
        {
            db.Households.Add(household);
            db.WebhookSubscriptions.Add(subscription);
            OutboxRows.Add(db, household.Id, EventTypes.TransactionCreated, new { n = 1 }, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var first = StartServer(database);
        try
        {
            Assert.NotEmpty(await receiver.WaitForAsync(1, TimeSpan.FromSeconds(180)));
        }
        finally
        {
            first.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no lease released
            await first.WaitForExitAsync();
        }

        // Committed while no server runs.
        await using (var db = database.CreateDbContext())
        {
            OutboxRows.Add(db, household.Id, EventTypes.TransactionCreated, new { n = 2 }, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var second = StartServer(database);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(180);
            while (receiver.Requests.Select(r => r.Delivery).Distinct().Count() < 2 || receiver.Requests.Count < 3)
            {
                Assert.True(DateTime.UtcNow < deadline, $"received {receiver.Requests.Count}: {string.Join(", ", receiver.Requests.Select(r => r.Delivery))}");
                await Task.Delay(100);
            }
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        var requests = receiver.Requests.ToList();
        Assert.All(requests, r => Assert.True(SignatureReference.Verify(subscription.Secret, r.Signature!, r.Body, DateTimeOffset.UtcNow)));
        var byDelivery = requests.GroupBy(r => r.Delivery).ToList();
        Assert.Equal(2, byDelivery.Count); // once each after de-duplication
        Assert.Contains(byDelivery, g => g.Count() >= 2); // the interrupted one went out again
        Assert.Equal(["{\"n\":1}", "{\"n\":2}"], byDelivery.Select(g => g.First().Body[(g.First().Body.IndexOf("\"data\":", StringComparison.Ordinal) + 7)..^1]).Order());
    }

    /// <summary>The server built alongside these tests (scripts/test builds Release).</summary>
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static Process StartServer(TestDatabase database)
    {
        var dll = Path.Combine(Fuzzing.CsvFiles.RepositoryRoot(), "src", "Glidepath.Server", "bin", Configuration, "net10.0", "Glidepath.Server.dll");
        Assert.True(File.Exists(dll), $"build the server first: {dll}");
        var info = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        foreach (var (key, value) in database.ConfigurationValues)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Urls"] = $"http://127.0.0.1:{FreePort()}";
        info.Environment["Glidepath__SeedDemoData"] = "false";
        info.Environment["Webhooks__AllowLoopback"] = "true";
        info.Environment["Webhooks__PollInterval"] = "00:00:00.100";
        info.Environment["Webhooks__RequestTimeout"] = "00:00:02";
        info.Environment["Webhooks__LeaseDuration"] = "00:00:03";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
