using System.Net;
using System.Net.Sockets;
using System.Text;
using Glidepath.Infrastructure.Jobs;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Jobs;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Tests.Jobs;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Observability;

/// <summary>Prometheus metrics on their own loopback listener, never through the app's port (docs/operations.md, "Metrics").</summary>
public sealed class MetricsTest
{
    /// <summary>It used to answer the web app's index.html, as any unknown path does.</summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Metrics_OnTheAppsPort_IsA404Problem_NeverThePage(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var admin = await app.CreateOperatorClientAsync();

        foreach (var path in new[] { "/metrics", "/metrics/x" })
        {
            await (await admin.GetAsync(path)).ReadProblemAsync(HttpStatusCode.NotFound, "not-found");
            await (await app.CreateAnonymousClient().GetAsync(path)).ReadProblemAsync(HttpStatusCode.NotFound, "not-found");
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Metrics_OnTheirLoopbackPort_ShowHttpEfCoreRuntimeAndDomainMeters(DatabaseProvider provider)
    {
        var port = FreePort();
        var backups = Directory.CreateTempSubdirectory("glidepath-metrics-").FullName;
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?>
        {
            ["Metrics:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Jobs:Enabled"] = "true",
            ["Jobs:InstanceId"] = "node-a",
            ["Backups:Folder"] = backups,
        });
        var admin = await app.CreateOperatorClientAsync();
        await (await admin.GetAsync("/api/households")).ReadAsync<System.Text.Json.JsonElement>();
        using (var csv = new StringContent("date,KO\n1990-12-31,9.88\n1991-01-02,9.88\n", Encoding.UTF8, "text/csv"))
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/imports/prices", csv)).StatusCode);
        }

        await (await admin.PostAsync($"/api/admin/jobs/{JobCatalog.Backup}/trigger", null)).ReadAsync<JobTriggeredDto>(HttpStatusCode.Accepted);
        Assert.Equal(JobOutcomes.Succeeded, (await JobsTest.FinishedRunAsync(admin, JobCatalog.Backup)).Outcome);

        using var scraper = new HttpClient();
        var text = await scraper.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));

        foreach (var name in new[]
        {
            "http_server_request_duration_seconds_bucket", "microsoft_entityframeworkcore_queries_total", "dotnet_gc_collections_total",
            "dotnet_thread_pool_thread_count", "glidepath_simulation_queue_depth", "glidepath_import_files_total{", "glidepath_import_rows_total{",
            "glidepath_job_runs_total{", "glidepath_job_duration_seconds_bucket{",
        })
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }

        Assert.Contains(text.Split('\n'), l => l.StartsWith("glidepath_job_runs_total{", StringComparison.Ordinal) && l.Contains("job=\"backup\"", StringComparison.Ordinal) && l.Contains("outcome=\"succeeded\"", StringComparison.Ordinal));
        Assert.Contains(text.Split('\n'), l => l.StartsWith("glidepath_import_files_total{", StringComparison.Ordinal) && l.Contains("kind=\"prices\"", StringComparison.Ordinal));
        Directory.Delete(backups, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
