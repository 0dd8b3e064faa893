using System.Net;
using Glidepath.Application.Planning.Runs;
using Glidepath.Domain.Planning;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Health;
using Glidepath.Server.Planning;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Tests.Planning;

/// <summary>
/// The database queue: several instances on one database share the runs (each run executes on one
/// of them, once), a dead instance's run is taken over when its lease expires, users are served in
/// turn, and a cancel reaches the instance running the run.
/// </summary>
public partial class PlanningEndpointsTest
{
    private static readonly Dictionary<string, string?> SharedQueue = new()
    {
        ["Glidepath:SimulationRuns:ProgressInterval"] = "00:00:00.050",
        ["Glidepath:SimulationRuns:PollInterval"] = "00:00:00.100",
        ["Glidepath:SimulationRuns:MaxRunsPerUser"] = "20",
    };

    private static bool Finished(SimulationRunDto r) => r.Status is not (SimulationRunStatus.Queued or SimulationRunStatus.Running);

    private static async Task<SimulationRun> StoredAsync(TestDatabase database, Guid runId)
    {
        await using var db = database.CreateDbContext();
        return await db.SimulationRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task DetailedHealth_CountsQueuedAndRunningRuns_AndNamesTheOldestWait(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: SharedQueue);
        var client = app.CreateClient();
        var admin = await app.CreateOperatorClientAsync();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}/plans/{(await CreatePlanAsync(client, household.Id)).Id}/simulations";
        var idle = await (await admin.GetAsync("/health/detailed")).ReadAsync<DetailedHealthDto>();
        Assert.Equal(new SimulationQueueHealthDto(0, 0, null), idle.SimulationQueue);

        // One instance runs one run at a time: the first held running, the second waits behind it.
        app.SimulationGate.Close();
        var first = await (await client.PostAsync(url, new SimulateRequest(HeldRun, 1))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        await PollAsync(client, $"{url}/{first.Id}", r => r is { Status: SimulationRunStatus.Running, Progress: > 0 });
        var second = await (await client.PostAsync(url, new SimulateRequest(HeldRun, 2))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        var busy = await (await admin.GetAsync("/health/detailed")).ReadAsync<DetailedHealthDto>();
        app.SimulationGate.Open();

        Assert.Equal((1, 1), (busy.SimulationQueue!.Queued, busy.SimulationQueue.Running));
        Assert.Equal(second.CreatedUtc, busy.SimulationQueue.OldestQueuedUtc!.Value, TimeSpan.FromMilliseconds(1));
        await PollAsync(client, $"{url}/{second.Id}", Finished);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task TwoInstances_OnOneDatabase_EachTakesDistinctRuns_NoneRunsTwice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var one = await GlidepathApp.StartOnAsync(database, SharedQueue);
        await using var two = await GlidepathApp.StartOnAsync(database, SharedQueue);
        var client = one.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}/plans/{(await CreatePlanAsync(client, household.Id)).Id}/simulations";

        // Both queued on instance one, which runs one at a time: the second can only run on instance two.
        one.SimulationGate.Close();
        two.SimulationGate.Close();
        var first = await (await client.PostAsync(url, new SimulateRequest(HeldRun, 1))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        var second = await (await client.PostAsync(url, new SimulateRequest(HeldRun, 2))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        await PollAsync(client, $"{url}/{first.Id}", r => r is { Status: SimulationRunStatus.Running, Progress: > 0 });
        await PollAsync(client, $"{url}/{second.Id}", r => r is { Status: SimulationRunStatus.Running, Progress: > 0 });
        var owners = new[] { (await StoredAsync(database, first.Id)).LeaseOwner, (await StoredAsync(database, second.Id)).LeaseOwner };
        Assert.Equal(2, owners.Distinct().Count());
        Assert.All(owners, Assert.NotNull);

        // Then a burst queued through both instances while both are free.
        one.SimulationGate.Open();
        two.SimulationGate.Open();
        var other = two.CreateClient();
        var burst = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            var through = i % 2 == 0 ? client : other;
            burst.Add((await (await through.PostAsync(url, new SimulateRequest(2_000, (ulong)(10 + i)))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted)).Id);
        }

        List<Guid> all = [first.Id, second.Id, .. burst];
        foreach (var id in all)
        {
            Assert.Equal(SimulationRunStatus.Succeeded, (await PollAsync(client, $"{url}/{id}", Finished)).Status);
        }

        Assert.Empty(one.SimulationGate.Seen.Intersect(two.SimulationGate.Seen));
        Assert.Equal(all.Order(), one.SimulationGate.Seen.Concat(two.SimulationGate.Seen).Order());
        await using var db = database.CreateDbContext();
        Assert.All(await db.SimulationRuns.AsNoTracking().ToListAsync(), r => Assert.Equal((1, null), (r.Attempts, r.LeaseOwner)));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Cancel_OnTheOtherInstance_StopsTheRunWhereItRuns(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var one = await GlidepathApp.StartOnAsync(database, SharedQueue);
        await using var two = await GlidepathApp.StartOnAsync(database, SharedQueue);
        var client = one.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}/plans/{(await CreatePlanAsync(client, household.Id)).Id}/simulations";
        one.SimulationGate.Close();
        two.SimulationGate.Close();

        var run = await (await client.PostAsync(url, new SimulateRequest(HeldRun, 1))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        await PollAsync(client, $"{url}/{run.Id}", r => r is { Status: SimulationRunStatus.Running, Progress: > 0 });
        var runsOnOne = one.SimulationGate.Seen.Contains(run.Id);
        var elsewhere = (runsOnOne ? two : one).CreateClient();

        await (await elsewhere.PostAsync($"{url}/{run.Id}/cancel", new { })).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        var cancelled = await PollAsync(elsewhere, $"{url}/{run.Id}", r => r.Status != SimulationRunStatus.Running, TimeSpan.FromSeconds(30));
        Assert.Equal(SimulationRunStatus.Cancelled, cancelled.Status);
        Assert.InRange(cancelled.Progress, double.Epsilon, 0.9999);
        Assert.Null((await StoredAsync(database, run.Id)).LeaseOwner);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Claim_ServesUsersInTurn_OneUsersBacklogDoesNotStarveAnother(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: SharedQueue);
        var greedy = app.CreateClient();
        var household = await greedy.HouseholdAsync();
        var url = $"/api/households/{household.Id}/plans/{(await CreatePlanAsync(greedy, household.Id)).Id}/simulations";

        // One worker: the greedy user's first run holds it while they queue three more, then another user queues one.
        app.SimulationGate.Close();
        var greedyRuns = new List<Guid> { (await (await greedy.PostAsync(url, new SimulateRequest(HeldRun, 1))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted)).Id };
        await PollAsync(greedy, $"{url}/{greedyRuns[0]}", r => r is { Status: SimulationRunStatus.Running, Progress: > 0 });
        for (var i = 2; i <= 4; i++)
        {
            greedyRuns.Add((await (await greedy.PostAsync(url, new SimulateRequest(2_000, (ulong)i))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted)).Id);
        }

        var patient = await app.CreateUserAsync();
        var patientClient = app.CreateClient(patient);
        var patientUrl = $"/api/households/{patient.HouseholdId}/plans/{(await CreatePlanAsync(patientClient, patient.HouseholdId!.Value)).Id}/simulations";
        var theirs = await (await patientClient.PostAsync(patientUrl, new SimulateRequest(2_000, 9))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        app.SimulationGate.Open();

        var done = new List<SimulationRunDto>();
        foreach (var id in greedyRuns)
        {
            done.Add(await PollAsync(greedy, $"{url}/{id}", Finished));
        }

        var patientDone = await PollAsync(patientClient, $"{patientUrl}/{theirs.Id}", Finished);
        Assert.All(done.Append(patientDone), r => Assert.Equal(SimulationRunStatus.Succeeded, r.Status));
        // Queued last, started second: right after the run that was executing, before the greedy user's next.
        Assert.True(patientDone.StartedUtc < done[1].StartedUtc, $"the other user's run started {patientDone.StartedUtc:O}, the greedy user's second {done[1].StartedUtc:O}");
    }
}
