using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Glidepath.Application;
using Glidepath.Application.Webhooks;
using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Webhooks;
using Glidepath.Testing.Databases;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Benchmarks.Webhooks;

/// <summary>
/// Issue 16's target: N committed outbox events delivered to a loopback receiver (HttpListener) by the
/// real dispatcher and sender, timed from the first round to the N-th distinct Glidepath-Delivery;
/// the process's working set and managed heap are printed every 10% to show memory stays flat.
/// </summary>
public static class WebhooksOnce
{
    public static async Task RunAsync(int events, DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = new ConcurrentDictionary<string, byte>();
        long onWire = 0;
        using var stop = new CancellationTokenSource();
        var accept = Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception) when (stop.IsCancellationRequested)
                {
                    return;
                }

                await context.Request.InputStream.CopyToAsync(Stream.Null);
                Interlocked.Increment(ref onWire);
                received.TryAdd(context.Request.Headers["Glidepath-Delivery"] ?? "", 0);
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        })).ToList();

        var household = new Household { Name = "Bench" };
        await using (var db = database.CreateDbContext())
        {
            db.Households.Add(household);
            db.WebhookSubscriptions.Add(new WebhookSubscription
            {
                HouseholdId = household.Id,
                Url = $"http://127.0.0.1:{port}/hook",
                Events = EventTypes.TransactionCreated,
                Secret = WebhookSignature.NewSecret(),
                CreatedUtc = DateTimeOffset.UtcNow,
            });
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < events; i++)
            {
                OutboxRows.Add(db, household.Id, EventTypes.TransactionCreated, new { n = i, amount = 100.25m, currency = "USD" }, now);
            }

            await db.SaveChangesAsync();
        }

        await using var services = database.CreateServices(s => s.AddSingleton(TimeProvider.System).AddGlidepathApplication()
            .Configure<WebhookOptions>(o => o.AllowLoopback = true));
        var watch = Stopwatch.StartNew();
        var nextSample = 0;
        Console.WriteLine("delivered  seconds  working-set-MiB  managed-heap-MiB");
        while (received.Count < events)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WebhookSender>().RunOnceAsync("bench", CancellationToken.None);
            if (received.Count >= nextSample)
            {
                using var self = Process.GetCurrentProcess();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{received.Count,9}  {watch.Elapsed.TotalSeconds,7:0.00}  {self.WorkingSet64 / 1048576.0,15:0.0}  {GC.GetTotalMemory(false) / 1048576.0,16:0.0}"));
                nextSample += events / 10;
            }
        }

        watch.Stop();
        using var end = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: {events} events, {received.Count} distinct deliveries ({Interlocked.Read(ref onWire)} on the wire) in {watch.Elapsed.TotalSeconds:0.00} s; working set {end.WorkingSet64 / 1048576.0:0.0} MiB"));
        await stop.CancelAsync();
        listener.Stop();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
