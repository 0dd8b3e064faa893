using System.Net;
using Glidepath.Domain.Planning;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Planning;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Planning;

/// <summary>Fair share of the simulation queue: one user's runs cannot keep another's out.</summary>
public partial class PlanningEndpointsTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Simulate_UserOverTheirRunOrPathShare_Answers429_WhileAnotherUsersRunIsAccepted(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?>
        {
            ["Glidepath:SimulationRuns:MaxRunsPerUser"] = "2",
            ["Glidepath:SimulationRuns:MaxPathsPerUser"] = "3000000",
            ["Glidepath:SimulationRuns:ProgressInterval"] = "00:00:00.050",
        });
        app.SimulationGate.Close(); // runs stay queued or running until the test opens it
        var greedy = app.CreateClient();
        var household = await greedy.HouseholdAsync();
        var plan = await CreatePlanAsync(greedy, household.Id);
        var url = $"/api/households/{household.Id}/plans/{plan.Id}/simulations";

        // Paths: 2,000,000 queued; another 1,000,001 would pass the 3,000,000 share.
        var first = await (await greedy.PostAsync(url, new SimulateRequest(2_000_000, 1))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        var tooMany = await (await greedy.PostAsync(url, new SimulateRequest(1_000_001, 2))).ReadProblemAsync(HttpStatusCode.TooManyRequests, "simulation-quota-exceeded");
        Assert.Contains("3,000,000", tooMany.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Runs: a second run fits, a third does not, in another household of the same user neither.
        var second = await (await greedy.PostAsync(url, new SimulateRequest(HeldRun, 3))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        var other = await greedy.HouseholdAsync("Second household");
        var otherPlan = await CreatePlanAsync(greedy, other.Id);
        var third = await greedy.PostAsync($"/api/households/{other.Id}/plans/{otherPlan.Id}/simulations", new SimulateRequest(HeldRun, 4));
        await third.ReadProblemAsync(HttpStatusCode.TooManyRequests, "simulation-quota-exceeded");
        await (await greedy.PostAsync($"/api/households/{household.Id}/plans/{plan.Id}/solve", new SolveRequest("saving", 0.8, 100, 5)))
            .ReadProblemAsync(HttpStatusCode.TooManyRequests, "simulation-quota-exceeded");

        // Everyone else still gets service.
        var patient = await app.CreateUserAsync();
        var patientClient = app.CreateClient(patient);
        var patientPlan = await CreatePlanAsync(patientClient, patient.HouseholdId!.Value);
        var accepted = await (await patientClient.PostAsync($"/api/households/{patient.HouseholdId}/plans/{patientPlan.Id}/simulations", new SimulateRequest(100, 6)))
            .ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
        Assert.Equal(SimulationRunKind.Simulate, accepted.Kind);

        // A finished (here: cancelled) run gives its share back.
        await greedy.PostAsync($"{url}/{first.Id}/cancel", new { });
        await PollAsync(greedy, $"{url}/{first.Id}", r => r.Status == SimulationRunStatus.Cancelled);
        app.SimulationGate.Open();
        await PollAsync(greedy, $"{url}/{second.Id}", r => r.Status is not (SimulationRunStatus.Queued or SimulationRunStatus.Running));
        await (await greedy.PostAsync(url, new SimulateRequest(100, 7))).ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
    }
}
