using System.Net;
using System.Net.Http.Json;
using Glidepath.Domain.Planning;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Planning;
using Glidepath.Application.Planning.Runs;
using Glidepath.Server.Planning.Runs;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Glidepath.Server.Tests.Planning;

/// <summary>Background runs: 202 and polling, progress, cancellation, clients that leave, restarts; runs are held mid-way by the test host's gate.</summary>
public partial class PlanningEndpointsTest
{
    /// <summary>
    /// Paths of a run that a test holds mid-way (<see cref="GlidepathApp.SimulationGate"/> closed): more
    /// than one block of 1,024, so its first progress report is above 0 and below 1. The gate, not
    /// the engine's speed, decides when it finishes.
    /// </summary>
    private const int HeldRun = 20_000;

    private static readonly Dictionary<string, string?> FastProgress = new()
    {
        ["Glidepath:SimulationRuns:ProgressInterval"] = "00:00:00.050",
    };

    private static async Task<SimulationRunDto> PollAsync(HttpClient client, string runUrl, Func<SimulationRunDto, bool> until, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        while (true)
        {
            var run = await (await client.GetAsync(runUrl, limit.Token)).ReadAsync<SimulationRunDto>();
            if (until(run))
            {
                return run;
            }

            await Task.Delay(20, limit.Token);
        }
    }

    /// <summary>Polls the plan's runs until there is exactly one and it satisfies <paramref name="until"/>.</summary>
    private static async Task<SimulationRunDto> PollListAsync(HttpClient client, string runsUrl, Func<SimulationRunDto, bool> until)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var runs = await (await client.GetAsync(runsUrl, limit.Token)).ReadAsync<List<SimulationRunDto>>();
            if (runs is [var run] && until(run))
            {
                return run;
            }

            await Task.Delay(20, limit.Token);
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Simulate_Answers202_ReportsProgressMidRun_ThenStoresTheResult(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: FastProgress);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var plan = await CreatePlanAsync(client, household.Id);
        var url = $"/api/households/{household.Id}/plans/{plan.Id}/simulations";
        app.SimulationGate.Close();

        var response = await client.PostAsync(url, new SimulateRequest(HeldRun, 3));
        var queued = await response.ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        Assert.Equal($"{url}/{queued.Id}", response.Headers.Location?.OriginalString);
        Assert.Contains(queued.Status, new[] { SimulationRunStatus.Queued, SimulationRunStatus.Running });
        Assert.Null(queued.Result);
        Assert.Null(queued.SuccessProbability);

        var midway = await PollAsync(client, $"{url}/{queued.Id}", r => r.Progress > 0 || r.Status is not (SimulationRunStatus.Queued or SimulationRunStatus.Running));
        Assert.Equal(SimulationRunStatus.Running, midway.Status);
        Assert.True(midway.Progress is > 0 and < 1, $"progress {midway.Progress} mid-run"); // held at its first report
        Assert.NotNull(midway.StartedUtc);
        Assert.Null(midway.FinishedUtc);

        // The stored progress (what another instance would read) moves too, not only the live one.
        await PollAsync(client, $"{url}/{queued.Id}", _ =>
        {
            using var db = app.CreateDbContext();
            var stored = db.SimulationRuns.AsNoTracking().Single(r => r.Id == queued.Id);
            return stored.Progress > 0;
        });
        app.SimulationGate.Open();

        var done = await PollAsync(client, $"{url}/{queued.Id}", r => r.Status != SimulationRunStatus.Queued && r.Status != SimulationRunStatus.Running);
        Assert.Equal((SimulationRunStatus.Succeeded, 1.0), (done.Status, done.Progress));
        Assert.Equal(done.SuccessProbability, done.Result!.Value.GetProperty("successProbability").GetDouble());
        Assert.Equal(HeldRun, done.Result.Value.GetProperty("paths").GetInt32());
        Assert.True(done.FinishedUtc >= done.StartedUtc);
        Assert.Null(done.Error);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Cancel_RunningAndQueuedRuns_StoresCancelled(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: FastProgress);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var plan = await CreatePlanAsync(client, household.Id);
        var url = $"/api/households/{household.Id}/plans/{plan.Id}/simulations";

        // One worker: the second run waits behind the first, which the gate holds.
        app.SimulationGate.Close();
        var first = await (await client.PostAsync(url, new SimulateRequest(HeldRun, 1))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        var second = await (await client.PostAsync(url, new SimulateRequest(HeldRun, 2))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        await PollAsync(client, $"{url}/{first.Id}", r => r is { Status: SimulationRunStatus.Running, Progress: > 0 });

        var secondCancelled = await (await client.PostAsync($"{url}/{second.Id}/cancel", new { })).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        Assert.Equal(SimulationRunStatus.Cancelled, secondCancelled.Status);
        Assert.Null(secondCancelled.StartedUtc);

        await (await client.PostAsync($"{url}/{first.Id}/cancel", new { })).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        var firstCancelled = await PollAsync(client, $"{url}/{first.Id}", r => r.Status is not SimulationRunStatus.Running, TimeSpan.FromSeconds(30));
        Assert.Equal(SimulationRunStatus.Cancelled, firstCancelled.Status);
        Assert.InRange(firstCancelled.Progress, 0, 0.9999);
        Assert.Null(firstCancelled.Result);
        Assert.NotNull(firstCancelled.FinishedUtc);
        app.SimulationGate.Open();

        // Cancelling again is harmless; a succeeded run cannot be cancelled.
        Assert.Equal(SimulationRunStatus.Cancelled, (await (await client.PostAsync($"{url}/{first.Id}/cancel", new { })).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted)).Status);
        var small = await (await client.PostAsync(url + "?wait=true", new SimulateRequest(100, 1))).ReadAsync<SimulationRunDto>(HttpStatusCode.Created);
        Assert.Equal(SimulationRunStatus.Succeeded, small.Status);
        await (await client.PostAsync($"{url}/{small.Id}/cancel", new { })).ReadProblemAsync(HttpStatusCode.Conflict, "simulation-run-finished");

        var list = await (await client.GetAsync(url)).ReadAsync<List<SimulationRunDto>>();
        Assert.Equal(2, list.Count(r => r.Status == SimulationRunStatus.Cancelled));
        using var db = app.CreateDbContext();
        Assert.Equal(2, await db.SimulationRuns.CountAsync(r => r.Status == SimulationRunStatus.Cancelled && r.ResultJson == null));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Simulate_ClientGoesAway_RunStillFinishes(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var plan = await CreatePlanAsync(client, household.Id);
        var url = $"/api/households/{household.Id}/plans/{plan.Id}/simulations";

        // The client waits for the run and leaves while the gate holds it mid-way (once a timer of
        // 300 ms did, and a fast machine finished first: the request was never aborted).
        app.SimulationGate.Close();
        using var abort = new CancellationTokenSource();
        using var body = JsonContent.Create(new SimulateRequest(HeldRun, 1), options: ApiClient.Json);
        var waiting = client.PostAsync(url + "?wait=true", body, abort.Token);
        var run = await PollListAsync(client, url, r => r.Progress > 0);
        Assert.False(waiting.IsCompleted);
        await abort.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        app.SimulationGate.Open();

        var done = await PollAsync(client, $"{url}/{run.Id}", r => r.Status is not (SimulationRunStatus.Queued or SimulationRunStatus.Running));
        Assert.Equal(SimulationRunStatus.Succeeded, done.Status);
        Assert.Equal(HeldRun, done.Result!.Value.GetProperty("paths").GetInt32());
    }

    // Recovery used to fail every run left running at start, which on several instances would fail
    // the runs of the live ones too; now a run is taken over only when its lease has expired.
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Restart_ReleasesTheRunningRunAtShutdown_ReleasesExpiredLeases_FailsRunsOutOfAttempts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid householdId, planId, interrupted, userId;
        string url;
        await using (var before = await GlidepathApp.StartOnAsync(database, FastProgress))
        {
            var client = before.CreateClient();
            userId = before.DefaultUser.Id;
            householdId = (await client.HouseholdAsync()).Id;
            planId = (await CreatePlanAsync(client, householdId)).Id;
            url = $"/api/households/{householdId}/plans/{planId}/simulations";
            before.SimulationGate.Close();
            interrupted = (await (await client.PostAsync(url, new SimulateRequest(HeldRun, 1))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted)).Id;
            await PollAsync(client, $"{url}/{interrupted}", r => r is { Status: SimulationRunStatus.Running, Progress: > 0 });
        }

        Guid crashed, exhausted, abandoned, queued;
        await using (var db = database.CreateDbContext())
        {
            // A graceful stop gives the running run back to the queue, its attempt not counted.
            var stopped = await db.SimulationRuns.AsNoTracking().SingleAsync(r => r.Id == interrupted);
            Assert.Equal((SimulationRunStatus.Queued, 0, null, null), (stopped.Status, stopped.Attempts, stopped.LeaseOwner, stopped.StartedUtc));

            // A crashed instance leaves its rows as they were: leased to it, the lease running out.
            var scenario = Benchmark.Replace("\"inflation\"", "\"paths\": 500, \"seed\": 9, \"inflation\"", StringComparison.Ordinal);
            var expired = DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeMilliseconds();
            SimulationRun Row(ulong seed, SimulationRunStatus status, int attempts, bool cancel = false) => new()
            {
                HouseholdId = householdId,
                PlanId = planId,
                Status = status,
                Paths = 500,
                Seed = seed,
                ParametersJson = "{}",
                ScenarioJson = scenario,
                CreatedUtc = DateTimeOffset.UtcNow.AddMinutes(-2),
                StartedUtc = status == SimulationRunStatus.Running ? DateTimeOffset.UtcNow.AddMinutes(-1) : null,
                RequestedBy = userId,
                Attempts = attempts,
                CancelRequested = cancel,
                LeaseOwner = status == SimulationRunStatus.Running ? "crashed-instance" : null,
                LeaseExpiresUnixMs = status == SimulationRunStatus.Running ? expired : null,
            };
            var rows = new[] { Row(8, SimulationRunStatus.Running, 1), Row(7, SimulationRunStatus.Running, 3), Row(6, SimulationRunStatus.Running, 1, cancel: true), Row(9, SimulationRunStatus.Queued, 0) };
            db.SimulationRuns.AddRange(rows);
            await db.SaveChangesAsync();
            (crashed, exhausted, abandoned, queued) = (rows[0].Id, rows[1].Id, rows[2].Id, rows[3].Id);
        }

        await using var after = await GlidepathApp.StartOnAsync(database, FastProgress);
        var again = after.CreateClient();
        foreach (var id in new[] { interrupted, crashed, queued })
        {
            var done = await PollAsync(again, $"{url}/{id}", r => r.Status is not (SimulationRunStatus.Queued or SimulationRunStatus.Running));
            Assert.Equal(SimulationRunStatus.Succeeded, done.Status);
        }

        Assert.Equal(2, (await StoredAsync(database, crashed)).Attempts); // the crashed attempt and this one
        var failed = await PollAsync(again, $"{url}/{exhausted}", r => r.Status != SimulationRunStatus.Running);
        Assert.Equal((SimulationRunStatus.Failed, RunLeases.AttemptsExhausted(3)), (failed.Status, failed.Error));
        Assert.Equal(SimulationRunStatus.Cancelled, (await PollAsync(again, $"{url}/{abandoned}", r => r.Status != SimulationRunStatus.Running)).Status);
        Assert.DoesNotContain(await (await again.GetAsync(url)).ReadAsync<List<SimulationRunDto>>(), r => r.Status is SimulationRunStatus.Queued or SimulationRunStatus.Running);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Simulate_QueueFull_Answers503_AndStoresNothing(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["Glidepath:SimulationRuns:QueueCapacity"] = "1" });
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var plan = await CreatePlanAsync(client, household.Id);
        var url = $"/api/households/{household.Id}/plans/{plan.Id}/simulations";

        app.SimulationGate.Close();
        var running = await (await client.PostAsync(url, new SimulateRequest(HeldRun, 1))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        await PollAsync(client, $"{url}/{running.Id}", r => r.Status == SimulationRunStatus.Running);
        var waiting = await (await client.PostAsync(url, new SimulateRequest(HeldRun, 2))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        await (await client.PostAsync(url, new SimulateRequest(100, 3))).ReadProblemAsync(HttpStatusCode.ServiceUnavailable, "simulation-queue-full");
        Assert.Equal(2, (await (await client.GetAsync(url)).ReadAsync<List<SimulationRunDto>>()).Count);

        await client.PostAsync($"{url}/{waiting.Id}/cancel", new { });
        await client.PostAsync($"{url}/{running.Id}/cancel", new { });
        await PollAsync(client, $"{url}/{running.Id}", r => r.Status != SimulationRunStatus.Running);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task DeletePlanOrHousehold_StopsItsRunningAndQueuedRuns_AndStoresNothing(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: FastProgress);
        var client = app.CreateClient();
        var queue = app.Services.GetRequiredService<SimulationQueue>();

        // A plan with one run executing (held by the gate) and one waiting behind it, then the plan is deleted.
        app.SimulationGate.Close();
        var household = await client.HouseholdAsync();
        var plan = await CreatePlanAsync(client, household.Id);
        var url = $"/api/households/{household.Id}/plans/{plan.Id}/simulations";
        var running = await (await client.PostAsync(url, new SimulateRequest(HeldRun, 1))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        var waiting = await (await client.PostAsync(url, new SimulateRequest(HeldRun, 2))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        await PollAsync(client, $"{url}/{running.Id}", r => r is { Status: SimulationRunStatus.Running, Progress: > 0 });
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/households/{household.Id}/plans/{plan.Id}")).StatusCode);
        await StoppedAsync(app, queue, running.Id);

        // The same through the household: its plans and their runs go with it.
        var other = await client.HouseholdAsync("Other");
        var otherUrl = $"/api/households/{other.Id}/plans/{(await CreatePlanAsync(client, other.Id)).Id}/simulations";
        var orphan = await (await client.PostAsync(otherUrl, new SimulateRequest(HeldRun, 3))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        await PollAsync(client, $"{otherUrl}/{orphan.Id}", r => r is { Status: SimulationRunStatus.Running, Progress: > 0 });
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/households/{other.Id}")).StatusCode);
        await StoppedAsync(app, queue, orphan.Id);

        // The waiting run found no row to claim; a new run on a live plan still runs.
        app.SimulationGate.Open();
        var third = await client.HouseholdAsync("Third");
        var live = await CreatePlanAsync(client, third.Id);
        var small = await (await client.PostAsync($"/api/households/{third.Id}/plans/{live.Id}/simulations?wait=true", new SimulateRequest(100, 1))).ReadAsync<SimulationRunDto>(HttpStatusCode.Created);
        Assert.Equal(SimulationRunStatus.Succeeded, small.Status);
        Assert.Null(queue.LiveProgress(waiting.Id));
        using var db = app.CreateDbContext();
        Assert.Equal([small.Id], await db.SimulationRuns.Select(r => r.Id).ToListAsync());
        Assert.DoesNotContain(app.Logs.Entries, e => e.Level >= LogLevel.Warning && (e.Category.Contains("Simulation", StringComparison.Ordinal) || e.Category.Contains("EntityFrameworkCore", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Solve_Long_ReportsProgressMidRun_AndCancels(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: FastProgress);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var plan = await CreatePlanAsync(client, household.Id);
        var url = $"/api/households/{household.Id}/plans/{plan.Id}";

        app.SimulationGate.Close();
        var solve = await (await client.PostAsync($"{url}/solve", new SolveRequest("saving", 0.85, HeldRun, 1))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        var midway = await PollAsync(client, $"{url}/simulations/{solve.Id}", r => r is { Status: SimulationRunStatus.Running, Progress: > 0 });
        Assert.InRange(midway.Progress, double.Epsilon, 0.5); // the first of about 20 evaluations: tiny, not 0

        await (await client.PostAsync($"{url}/simulations/{solve.Id}/cancel", new { })).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        var cancelled = await PollAsync(client, $"{url}/simulations/{solve.Id}", r => r.Status is not SimulationRunStatus.Running, TimeSpan.FromSeconds(60));
        Assert.Equal((SimulationRunStatus.Cancelled, SimulationRunKind.Solve), (cancelled.Status, cancelled.Kind));
        Assert.Null(cancelled.Result);
    }

    /// <summary>The run stopped in this process (the gate held it, so only the delete can have stopped it) and said why, having stored nothing.</summary>
    private static async Task StoppedAsync(GlidepathApp app, SimulationQueue queue, Guid runId)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (queue.LiveProgress(runId) is not null || !app.Logs.Entries.Any(e => e.Message.Contains($"Simulation run {runId} stopped: its plan or household was deleted", StringComparison.Ordinal)))
        {
            await Task.Delay(20, limit.Token);
        }

        using var db = app.CreateDbContext();
        Assert.False(await db.SimulationRuns.AnyAsync(r => r.Id == runId));
    }
}
