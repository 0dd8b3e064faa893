using System.Net;
using System.Text.Json;
using Glidepath.Application.Goals;
using Glidepath.Application.Transactions;
using Glidepath.Domain.Goals;
using Glidepath.Domain.Households;
using Glidepath.Domain.Planning;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Goals;
using Glidepath.Server.Planning;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Tests.Planning;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using static Glidepath.Server.Tests.Hosting.Fixtures;

namespace Glidepath.Server.Tests.Goals;

public class GoalEndpointsTest
{
    /// <summary>A retiree with 10,000,000 spending 10,000 a year: every path succeeds.</summary>
    private const string Funded = """
        {"startBalance": 10000000, "horizonMonths": 360, "inflation": 0.02,
         "assets": [{"name": "Equity", "expectedReturn": 0.05, "volatility": 0.1}], "correlations": [[1]],
         "allocation": {"weights": [1]}, "paths": 1000, "seed": 1, "targetSuccess": 0.8,
         "plan": {"people": [{"name": "Ada", "age": 60, "retirementAge": 60}],
                  "goals": [{"name": "Retirement", "kind": "retirement", "annualAmount": 10000, "untilAge": 90}]}}
        """;

    /// <summary>Nothing saved and 100,000 a year to spend: every path fails in its first month.</summary>
    private static readonly string Unfunded = Funded.Replace("\"startBalance\": 10000000", "\"startBalance\": 0", StringComparison.Ordinal)
        .Replace("\"annualAmount\": 10000", "\"annualAmount\": 100000", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Progress_IsTheFundingAccountsValueOverTheTarget(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        var brokerage = await client.AccountAsync(household.Id);
        var ira = await client.AccountAsync(household.Id, AccountType.TraditionalIra, name: "IRA");
        var checking = await client.AccountAsync(household.Id, AccountType.Checking, name: "Checking");
        await (await client.PostAsync($"{url}/transactions/batch", new TransactionBatchRequest(
            [Deposit(brokerage.Id, new DateOnly(2020, 1, 2), 30_000m), Deposit(ira.Id, new DateOnly(2020, 1, 2), 12_500.50m), Deposit(checking.Id, new DateOnly(2020, 1, 2), 9_999m)])))
            .ReadAsync<TransactionBatchResult>(HttpStatusCode.Created);

        var house = await CreateAsync(client, url, new GoalRequest("House deposit", GoalCategory.Home, 85_001m, new DateOnly(2031, 6, 1), Priority: 2, FundingAccountIds: [brokerage.Id, ira.Id]));
        // 30,000 + 12,500.50 = 42,500.50 of 85,001: exactly one half.
        Assert.Equal((42_500.50m, 0.5m, "USD"), (house.FundedValue, house.FundedShare, house.Currency));
        Assert.Equal(new[] { brokerage.Id, ira.Id }.Order(), house.FundingAccountIds);
        Assert.Equal(GoalStatus.NotTested, house.Status);

        // More than the target counts as fully funded; a goal without accounts has none.
        var fund = await CreateAsync(client, url, new GoalRequest("Emergency fund", GoalCategory.EmergencyFund, 5_000m, new DateOnly(2027, 1, 1), FundingAccountIds: [checking.Id]));
        Assert.Equal((9_999m, 1m), (fund.FundedValue, fund.FundedShare));
        var car = await CreateAsync(client, url, new GoalRequest("Car", GoalCategory.Vehicle, 20_000m, new DateOnly(2028, 1, 1), Priority: 3));
        Assert.Equal((0m, 0m), (car.FundedValue, car.FundedShare));

        // Listed by priority, then name; replaced with the version read; a stale version conflicts.
        var list = await (await client.GetAsync($"{url}/goals")).ReadAsync<List<GoalDto>>();
        Assert.Equal(["Emergency fund", "House deposit", "Car"], list.Select(g => g.Name));
        var moved = await (await client.PutAsync($"{url}/goals/{house.Id}", new GoalRequest("House deposit", GoalCategory.Home, 50_000m, new DateOnly(2030, 1, 1), Priority: 2, FundingAccountIds: [ira.Id], Version: house.Version)))
            .ReadAsync<GoalDto>();
        Assert.Equal((12_500.50m, 0.25001m, house.Version + 1), (moved.FundedValue, moved.FundedShare, moved.Version));
        await (await client.PutAsync($"{url}/goals/{house.Id}", new GoalRequest("Stale", GoalCategory.Home, 1m, new DateOnly(2030, 1, 1), Version: house.Version)))
            .ReadProblemAsync(HttpStatusCode.Conflict, "concurrency-conflict");

        // Deleting a goal leaves its accounts.
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{url}/goals/{car.Id}")).StatusCode);
        await (await client.GetAsync($"{url}/goals/{car.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "goal-not-found");
        await using var db = app.CreateDbContext();
        Assert.Equal(3, await db.Accounts.CountAsync(a => a.HouseholdId == household.Id));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Status_FollowsThePlansNewestRun_AndAChangePublishesAnEvent(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        var plan = await (await client.PostAsync($"{url}/plans", PlanningEndpointsTest.Request("Retire now", Funded))).ReadAsync<PlanDto>(HttpStatusCode.Created);
        var person = await (await client.PostAsync($"{url}/people", new { name = "Ada", birthDate = "1966-05-01", filingStatus = "Single", country = "US" })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        // "retirement " matches the plan's goal "Retirement" (case and spaces aside); "Legacy" has no plan goal and reads the plan's success.
        var retirement = await CreateAsync(client, url, new GoalRequest("retirement ", GoalCategory.Retirement, 1_000_000m, PersonId: person.GetProperty("id").GetGuid(), TargetAge: 60, PlanId: plan.Id));
        var legacy = await CreateAsync(client, url, new GoalRequest("Legacy", GoalCategory.Other, 1m, new DateOnly(2050, 1, 1), PlanId: plan.Id));
        var untested = await CreateAsync(client, url, new GoalRequest("Boat", GoalCategory.Other, 1m, new DateOnly(2050, 1, 1)));

        var first = await RunAsync(client, url, plan.Id);
        var goals = await (await client.GetAsync($"{url}/goals")).ReadAsync<List<GoalDto>>();
        Assert.Equal(GoalStatus.OnTrack, goals.Single(g => g.Id == retirement.Id).Status);
        Assert.Equal((1.0, first), (goals.Single(g => g.Id == retirement.Id).SuccessProbability, goals.Single(g => g.Id == retirement.Id).StatusRunId!.Value));
        Assert.Equal(GoalStatus.OnTrack, goals.Single(g => g.Id == legacy.Id).Status);
        Assert.Equal(GoalStatus.NotTested, goals.Single(g => g.Id == untested.Id).Status);

        // The plan can no longer pay: off track, below the band under its target of 0.8.
        var stored = await (await client.GetAsync($"{url}/plans/{plan.Id}")).ReadAsync<PlanDto>();
        await (await client.PutAsync($"{url}/plans/{plan.Id}", PlanningEndpointsTest.Request("Retire now", Unfunded, stored.Version))).ReadAsync<PlanDto>();
        var second = await RunAsync(client, url, plan.Id);
        var off = await (await client.GetAsync($"{url}/goals/{retirement.Id}")).ReadAsync<GoalDto>();
        Assert.Equal((GoalStatus.OffTrack, 0.0, second), (off.Status, off.SuccessProbability, off.StatusRunId));

        // The same outcome again changes nothing: no third pair of events.
        await RunAsync(client, url, plan.Id);
        await using var db = app.CreateDbContext();
        var events = await db.OutboxEvents.AsNoTracking().Where(e => e.HouseholdId == household.Id && e.Type == EventTypes.GoalStatusChanged).ToListAsync();
        var changes = events.Select(e => JsonSerializer.Deserialize<GoalStatusChanged>(e.PayloadJson, JsonSerializerOptions.Web)!)
            .OrderBy(c => c.RunId == first ? 0 : 1).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => (c.Name, c.From, c.To, c.TargetSuccess)).ToList();
        Assert.Equal(
            [("Legacy", "NotTested", "OnTrack", 0.8), ("retirement", "NotTested", "OnTrack", 0.8), ("Legacy", "OnTrack", "OffTrack", 0.8), ("retirement", "OnTrack", "OffTrack", 0.8)],
            changes);

        // Another plan resets the status until that plan runs; deleting the plan leaves the goal untested.
        var other = await PlanningEndpointsTest.CreatePlanAsync(client, household.Id, "Other");
        var relinked = await (await client.PutAsync($"{url}/goals/{legacy.Id}", new GoalRequest("Legacy", GoalCategory.Other, 1m, new DateOnly(2050, 1, 1), PlanId: other.Id, Version: (await GetAsync(client, url, legacy.Id)).Version)))
            .ReadAsync<GoalDto>();
        Assert.Equal((GoalStatus.NotTested, (double?)null), (relinked.Status, relinked.SuccessProbability));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{url}/plans/{other.Id}")).StatusCode);
        Assert.Null((await GetAsync(client, url, legacy.Id)).PlanId);
    }

    [Fact]
    public async Task BadInput_IsAProblemNamingEachField_AndAnotherHouseholdsThingsAreRefused()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";

        var bad = await (await client.PostAsync($"{url}/goals", new GoalRequest(" ", null, 0m, Priority: 0)))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(["kind", "name", "priority", "targetAmount", "targetDate"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var past = await (await client.PostAsync($"{url}/goals", new GoalRequest("Past", GoalCategory.Other, 1m, new DateOnly(2000, 1, 1))))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.StartsWith("The target date is not after today", past.GetProperty("errors").GetProperty("targetDate")[0].GetString(), StringComparison.Ordinal);

        // Another household's account, plan and person cannot be named; its goals are not found.
        var stranger = app.CreateClient(await app.CreateUserAsync());
        var theirs = await stranger.HouseholdAsync();
        var theirAccount = await stranger.AccountAsync(theirs.Id);
        var theirPlan = await PlanningEndpointsTest.CreatePlanAsync(stranger, theirs.Id);
        var refused = await (await client.PostAsync($"{url}/goals", new GoalRequest("Mine", GoalCategory.Other, 1m, PersonId: Guid.NewGuid(), TargetAge: 70, PlanId: theirPlan.Id, FundingAccountIds: [theirAccount.Id])))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(["fundingAccountIds", "personId", "planId"], refused.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var theirGoal = await CreateAsync(stranger, $"/api/households/{theirs.Id}", new GoalRequest("Theirs", GoalCategory.Travel, 3_000m, new DateOnly(2030, 1, 1)));
        await (await client.GetAsync($"/api/households/{theirs.Id}/goals")).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");
        await (await client.DeleteAsync($"{url}/goals/{theirGoal.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "goal-not-found");
        await using var db = app.CreateDbContext();
        Assert.Equal(["Theirs"], await db.Goals.Select(g => g.Name).ToListAsync());
    }

    private static async Task<GoalDto> CreateAsync(HttpClient client, string householdUrl, GoalRequest request) =>
        await (await client.PostAsync($"{householdUrl}/goals", request)).ReadAsync<GoalDto>(HttpStatusCode.Created);

    private static async Task<GoalDto> GetAsync(HttpClient client, string householdUrl, Guid goalId) =>
        await (await client.GetAsync($"{householdUrl}/goals/{goalId}")).ReadAsync<GoalDto>();

    private static async Task<Guid> RunAsync(HttpClient client, string householdUrl, Guid planId)
    {
        var run = await (await client.PostAsync($"{householdUrl}/plans/{planId}/simulations?wait=true", new SimulateRequest(1_000, 7))).ReadAsync<SimulationRunDto>(HttpStatusCode.Created);
        Assert.Equal(SimulationRunStatus.Succeeded, run.Status);
        return run.Id;
    }
}
