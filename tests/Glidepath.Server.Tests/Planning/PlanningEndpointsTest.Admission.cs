using System.Net;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Planning;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Planning;

/// <summary>Admission to the database queue holds across instances: the fair share is counted once, not once per instance.</summary>
public partial class PlanningEndpointsTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Simulate_ConcurrentRequestsThroughTwoInstances_AdmitNoMoreThanTheUsersShare(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string?>(SharedQueue) { ["Glidepath:SimulationRuns:MaxRunsPerUser"] = "1" };
        await using var one = await GlidepathApp.StartOnAsync(database, settings);
        await using var two = await GlidepathApp.StartOnAsync(database, settings);
        one.SimulationGate.Close(); // admitted runs stay unfinished, so each keeps the user's one slot
        two.SimulationGate.Close();
        var client = one.CreateClient();
        var other = two.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}/plans/{(await CreatePlanAsync(client, household.Id)).Id}/simulations";

        // Each instance serialises its own admissions; only the database can serialise the two instances'.
        for (var round = 0; round < 4; round++)
        {
            var posts = Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? client : other).PostAsync(url, new SimulateRequest(HeldRun, (ulong)(round * 10 + i)))).ToList();
            var answers = await Task.WhenAll(posts);
            var accepted = answers.Where(a => a.StatusCode == HttpStatusCode.Accepted).ToList();
            Assert.True(accepted.Count == 1, $"round {round}: {accepted.Count} of 8 admitted with a share of one run");
            foreach (var refused in answers.Except(accepted))
            {
                await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests, "simulation-quota-exceeded");
            }

            // Give the share back before the next round.
            var run = await accepted[0].ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);
            await client.PostAsync($"{url}/{run.Id}/cancel", new { });
            await PollAsync(client, $"{url}/{run.Id}", Finished);
        }
    }
}
