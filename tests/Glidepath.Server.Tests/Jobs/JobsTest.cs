using System.Net;
using Glidepath.Domain.Instruments;
using Glidepath.Infrastructure.Jobs;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Health;
using Glidepath.Application.Instruments;
using Glidepath.Server.Instruments;
using Glidepath.Server.Jobs;
using Glidepath.Server.MarketData;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Glidepath.Testing.MarketData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Glidepath.Server.Tests.Jobs;

/// <summary>The scheduler on the app database (Quartz's clustered ADO store), its jobs, the admin routes and /health/detailed.</summary>
public sealed class JobsTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static Dictionary<string, string?> SchedulerOn(string instanceId) => new()
    {
        ["Jobs:Enabled"] = "true",
        ["Jobs:InstanceId"] = instanceId,
        // An idle node looks for triggers another node stored every second, not every 30.
        ["Jobs:IdleWait"] = "00:00:01",
    };

    /// <summary>PostgreSQL only: Quartz refuses clustering on SQLite, which serves one server process (JobsRegistration).</summary>
    [Fact]
    public async Task TwoNodes_OneTriggerFired_JobRunsExactlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var nodeA = await GlidepathApp.StartOnAsync(database, SchedulerOn("node-a"));
        await using var nodeB = await GlidepathApp.StartOnAsync(database, SchedulerOn("node-b"));
        var admin = await nodeA.CreateOperatorClientAsync();

        // Both nodes have checked in to the same cluster.
        var health = await (await admin.GetAsync("/health/detailed")).ReadAsync<DetailedHealthDto>();
        await using (var db = database.CreateDbContext())
        {
            var nodes = await db.Database.SqlQueryRaw<string>("SELECT instance_name AS \"Value\" FROM qrtz_scheduler_state").ToListAsync();
            Assert.Equal(["node-a", "node-b"], nodes.Order(StringComparer.Ordinal));
        }

        await (await admin.PostAsync($"/api/admin/jobs/{JobCatalog.Retention}/trigger", null)).ReadAsync<JobTriggeredDto>(HttpStatusCode.Accepted);
        var run = await FinishedRunAsync(admin, JobCatalog.Retention);
        await Task.Delay(TimeSpan.FromSeconds(4)); // both nodes have polled several times since

        await using var check = database.CreateDbContext();
        Assert.Equal(1, await check.JobRuns.CountAsync(r => r.JobName == JobCatalog.Retention));
        Assert.Equal(("running", true), (health.Scheduler.State, health.Scheduler.Clustered));
        Assert.Equal((JobOutcomes.Succeeded, RecordedJob.ManualTrigger), (run.Outcome, run.Trigger));
        Assert.Contains(run.Instance, new[] { "node-a", "node-b" });
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task TriggerThroughTheApi_RunsTheJobAndRecordsIt_ListShowsLastAndNextRun(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: SchedulerOn("node-a"));
        var admin = await app.CreateOperatorClientAsync();

        await (await admin.PostAsync($"/api/admin/jobs/{JobCatalog.Retention}/trigger", null)).ReadAsync<JobTriggeredDto>(HttpStatusCode.Accepted);
        var run = await FinishedRunAsync(admin, JobCatalog.Retention);
        var jobs = await (await admin.GetAsync("/api/admin/jobs")).ReadAsync<List<JobDto>>();
        var unknown = await (await admin.PostAsync("/api/admin/jobs/nope/trigger", null)).ReadProblemAsync(HttpStatusCode.NotFound, JobsEndpoints.JobNotFoundCode);
        await (await admin.GetAsync("/api/admin/jobs/nope/runs")).ReadProblemAsync(HttpStatusCode.NotFound, JobsEndpoints.JobNotFoundCode);

        Assert.Equal((JobOutcomes.Succeeded, "node-a", "Deleted 0 job runs, 0 refresh tokens."), (run.Outcome, run.Instance, run.Message));
        Assert.NotNull(run.DurationMs);
        Assert.Equal(JobCatalog.All.Select(j => j.Name), jobs.Select(j => j.Name));
        var retention = jobs.Single(j => j.Name == JobCatalog.Retention);
        Assert.Equal(run.Id, retention.LastRun?.Id);
        Assert.True(retention.Scheduled);
        var schedule = Assert.Single(retention.Schedules);
        Assert.Equal(("0 30 3 * * ?", "UTC"), (schedule.Cron, schedule.TimeZone));
        Assert.True(retention.NextRunUtc > DateTimeOffset.UtcNow && retention.NextRunUtc <= DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal((3, 30), (retention.NextRunUtc!.Value.UtcDateTime.Hour, retention.NextRunUtc.Value.UtcDateTime.Minute));
        var fx = jobs.Single(j => j.Name == JobCatalog.FxRefresh).Schedules.Single();
        Assert.Equal(("0 30 16 ? * MON-FRI", "Europe/Berlin"), (fx.Cron, fx.TimeZone));
        Assert.Contains("retention", unknown.ToString(), StringComparison.Ordinal);

        var user = app.CreateClient(await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/admin/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsync($"/api/admin/jobs/{JobCatalog.Retention}/trigger", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync($"/api/admin/jobs/{JobCatalog.Retention}/runs")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task PriceRefreshJob_PerExchangeTrigger_FetchesThatExchangeThroughPriceRefresh(DatabaseProvider provider)
    {
        var stooqMsft = "Date" + File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MarketData", "msft_daily_ohlcv.csv"))["date".Length..];
        await using var stub = await MarketDataStub.StartAsync();
        var asked = new List<string>();
        stub.Answer = request =>
        {
            lock (asked)
            {
                asked.Add(request.Query["s"].ToString());
            }

            return request.Query["s"] == "microsoft.us" ? StubAnswer.Ok(stooqMsft) : StubAnswer.Ok("No data");
        };
        var settings = SchedulerOn("node-a");
        settings["MarketData:Providers:stooq:BaseUrl"] = stub.BaseUrl;
        settings["MarketData:BackfillYears"] = "30"; // the sample's closes are from 2000
        await using var app = await GlidepathApp.StartAsync(provider, settings: settings);
        var admin = await app.CreateOperatorClientAsync();
        var msft = await AddSharedAsync(admin, "MSFT", "NASDAQ", "microsoft.us");
        await AddSharedAsync(admin, "SAP", "XETRA", "sap.de");
        var jobs = app.Services.GetRequiredService<JobsScheduler>();
        await jobs.SyncAsync(CancellationToken.None); // what the node does at start and every hour: the new exchanges get triggers

        var listed = (await (await admin.GetAsync("/api/admin/jobs")).ReadAsync<List<JobDto>>()).Single(j => j.Name == JobCatalog.PriceRefresh);
        var scheduler = (await jobs.SchedulerAsync(CancellationToken.None))!;
        // What the NASDAQ trigger fires at 17:00 New York time, fired now.
        await scheduler.TriggerJob(JobsScheduler.Key(JobCatalog.PriceRefresh), new JobDataMap { [JobTriggers.ExchangeKey] = "NASDAQ" });
        var run = await FinishedRunAsync(admin, JobCatalog.PriceRefresh);

        Assert.Equal(
            [("price-refresh.NASDAQ", "0 0 17 ? * MON-FRI", "America/New_York"), ("price-refresh.XETRA", "0 0 18 ? * MON-FRI", "Europe/Berlin")],
            listed.Schedules.Select(s => (s.Trigger, s.Cron, s.TimeZone)));
        Assert.All(listed.Schedules, s => Assert.NotNull(s.NextRunUtc));
        var nasdaq = listed.Schedules[0].NextRunUtc!.Value;
        Assert.Equal(17, TimeZoneInfo.ConvertTime(nasdaq, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).Hour);
        Assert.Equal((JobOutcomes.Succeeded, "1 symbols on NASDAQ: 249 closes added, 0 failed."), (run.Outcome, run.Message));
        Assert.Equal(["microsoft.us"], asked.Distinct());
        var closes = await (await admin.GetAsync($"/api/instruments/{msft.Id}/prices")).ReadAsync<List<PriceDto>>();
        Assert.Equal(249, closes.Count);

        // By hand (no exchange): every mapped instrument; SAP's "No data" fails the run with its reason.
        await (await admin.PostAsync($"/api/admin/jobs/{JobCatalog.PriceRefresh}/trigger", null)).ReadAsync<JobTriggeredDto>(HttpStatusCode.Accepted);
        var manual = await FinishedRunAsync(admin, JobCatalog.PriceRefresh, after: run.Id);
        Assert.Equal(JobOutcomes.Failed, manual.Outcome);
        Assert.StartsWith("2 symbols: 0 closes added, 1 failed. SAP:", manual.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetailedHealth_AdminsOnly_ProvidersSchedulerJobsAndDatabase()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.CreateOperatorClientAsync();
        // A refresh against the closed loopback port: stooq's last error is recorded.
        var instrument = await AddSharedAsync(admin, "MSFT", "NASDAQ", "msft.us");
        await admin.PostAsync("/api/admin/prices/refresh", new PriceRefreshBody(null, null, null));

        var anonymous = await app.CreateAnonymousClient().GetAsync("/health/detailed");
        var user = await app.CreateClient(await app.CreateUserAsync()).GetAsync("/health/detailed");
        var health = await (await admin.GetAsync("/health/detailed")).ReadAsync<DetailedHealthDto>();
        var trigger = await (await admin.PostAsync($"/api/admin/jobs/{JobCatalog.Retention}/trigger", null)).ReadProblemAsync(HttpStatusCode.Conflict, JobsEndpoints.SchedulerOffCode);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, user.StatusCode);
        Assert.Equal((true, "sqlite"), (health.Database.Reachable, health.Database.Provider));
        Assert.Equal(("off", false), (health.Scheduler.State, health.Scheduler.Clustered));
        Assert.Equal(JobCatalog.All.Select(j => j.Name), health.Jobs.Select(j => j.Name));
        Assert.All(health.Jobs, j => Assert.Null(j.LastOutcome));
        var stooq = health.Providers.Single(p => p.Provider == "stooq");
        Assert.StartsWith("The provider could not be reached", stooq.LastError, StringComparison.Ordinal);
        Assert.Null(stooq.LastSuccessUtc);
        Assert.Equal("closed", health.Providers.Single(p => p.Provider == "ecb").Circuit);
        Assert.Equal("healthy", health.Status);
        Assert.NotEqual(Guid.Empty, instrument.Id);
        Assert.Contains("Jobs:Enabled", trigger.ToString(), StringComparison.Ordinal);
    }

    private static async Task<InstrumentDto> AddSharedAsync(HttpClient admin, string symbol, string exchange, string providerSymbol)
    {
        var instrument = await (await admin.PostAsync("/api/instruments", new InstrumentRequest(symbol, symbol, InstrumentType.Stock, AssetClass.UsEquity, "USD", exchange, null)))
            .ReadAsync<InstrumentDto>(HttpStatusCode.Created);
        await (await admin.PutAsync($"/api/admin/instruments/{instrument.Id}/market-data", new MarketDataMappingRequest("stooq", providerSymbol))).ReadAsync<MarketDataMappingDto>();
        return instrument;
    }

    /// <summary>The job's newest run once it has finished (and is not <paramref name="after"/>).</summary>
    internal static async Task<JobRunDto> FinishedRunAsync(HttpClient admin, string job, Guid? after = null)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            var runs = (await (await admin.GetAsync($"/api/admin/jobs/{job}/runs")).ReadAsync<JobRunPage>()).Items;
            if (runs is [var newest, ..] && newest.Id != after && newest.Outcome != JobOutcomes.Running)
            {
                return newest;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"{job} did not finish within {Patience}.");
            await Task.Delay(200);
        }
    }
}
