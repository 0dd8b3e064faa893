using System.Net;
using System.Text.Json;
using Glidepath.Application.Accounts;
using Glidepath.Domain.Households;
using Glidepath.Domain.Planning;
using Glidepath.Domain.TaxLots;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Accounts;
using Glidepath.Server.Planning;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Application.Transactions;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using static Glidepath.Server.Tests.Hosting.Fixtures;

namespace Glidepath.Server.Tests.Planning;

/// <summary>fromLedger: the start balance and weights valued from the household's holdings.</summary>
public partial class PlanningEndpointsTest
{
    private static string FromLedger(string fromLedger, string cashClasses = """["cash"]""") => $$$"""
        {"horizonMonths": 240, "inflation": 0.02,
         "fromLedger": {{{fromLedger}}},
         "assets": [{"name": "US equity", "expectedReturn": 0.065, "volatility": 0.16, "assetClasses": ["usEquity"]},
                    {"name": "Cash", "expectedReturn": 0.02, "volatility": 0.01, "assetClasses": {{{cashClasses}}}}],
         "correlations": [[1, 0], [0, 1]],
         "allocation": {"weights": [0.5, 0.5]}}
        """;

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Simulate_FromLedger_ValuesInvestmentAccounts_AndTakesWeightsByAssetClass(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        var brokerage = await client.AccountAsync(household.Id);
        var roth = await client.AccountAsync(household.Id, AccountType.RothIra, LotReliefMethod.Hifo, "Roth");
        var checking = await client.AccountAsync(household.Id, AccountType.Checking, name: "Checking");
        var msft = await app.MsftAsync();
        var history = new TransactionBatchRequest([
            Deposit(brokerage.Id, new DateOnly(1998, 1, 2), 10_000m),
            Buy(brokerage.Id, msft.Id, new DateOnly(1998, 1, 2), 100m, 32.78m),
            Deposit(roth.Id, new DateOnly(1999, 1, 4), 5_000m),
            Deposit(checking.Id, new DateOnly(1999, 1, 4), 2_000m),
        ]);
        await (await client.PostAsync($"{url}/transactions/batch", history)).ReadAsync<TransactionBatchResult>(HttpStatusCode.Created);

        var plan = await (await client.PostAsync($"{url}/plans", Request("From the ledger", FromLedger("""{"asOf": "2000-12-29", "allocation": true}"""))))
            .ReadAsync<PlanDto>(HttpStatusCode.Created);
        var run = await (await client.PostAsync($"{url}/plans/{plan.Id}/simulations?wait=true", new SimulateRequest(1_000, 1))).ReadAsync<SimulationRunDto>(HttpStatusCode.Created);
        Assert.Equal(SimulationRunStatus.Succeeded, run.Status);

        // 100 MSFT at the 29 Dec 2000 close 43.38 = 4,338; brokerage cash 10,000 - 3,278 = 6,722;
        // Roth cash 5,000; checking is not an investment account.
        var ledger = run.Parameters.GetProperty("ledger");
        Assert.Equal(16_060.0, ledger.GetProperty("startBalance").GetDouble(), 6);
        Assert.Equal("2000-12-29", ledger.GetProperty("asOf").GetString());
        Assert.Equal(2, ledger.GetProperty("accounts").GetInt32());
        var weights = ledger.GetProperty("weights").EnumerateArray().Select(w => w.GetDouble()).ToArray();
        Assert.Equal(4_338.0 / 16_060, weights[0], 12);
        Assert.Equal(11_722.0 / 16_060, weights[1], 12);

        // The run keeps a snapshot that stands alone: the numbers, not the instruction.
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.SimulationRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id);
            using var scenario = JsonDocument.Parse(stored.ScenarioJson);
            Assert.Equal(16_060.0, scenario.RootElement.GetProperty("startBalance").GetDouble(), 6);
            Assert.False(scenario.RootElement.TryGetProperty("fromLedger", out _));
            Assert.Equal(weights[0], scenario.RootElement.GetProperty("allocation").GetProperty("weights")[0].GetDouble());
        }

        // Only the balance, counting the checking account too, on an earlier day (before the Roth deposit).
        var balanceOnly = await (await client.PostAsync($"{url}/plans", Request("Balance", FromLedger("""{"asOf": "1998-06-01", "accountTypes": ["taxableBrokerage", "checking"]}"""))))
            .ReadAsync<PlanDto>(HttpStatusCode.Created);
        run = await (await client.PostAsync($"{url}/plans/{balanceOnly.Id}/simulations?wait=true", new SimulateRequest(1_000, 1))).ReadAsync<SimulationRunDto>(HttpStatusCode.Created);
        ledger = run.Parameters.GetProperty("ledger");
        Assert.Equal((100 * 41.88) + 6_722, ledger.GetProperty("startBalance").GetDouble(), 6);
        Assert.True(!ledger.TryGetProperty("weights", out var none) || none.ValueKind == JsonValueKind.Null);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task FromLedger_BadInput_AnswersNamingTheField_AndStoresNoRun(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        var brokerage = await client.AccountAsync(household.Id);
        await (await client.PostAsync($"{url}/transactions", Deposit(brokerage.Id, new DateOnly(2000, 1, 3), 1_000m))).ReadAsync<JsonElement>(HttpStatusCode.Created);

        var noBalance = FromLedger("{}").Replace("\"fromLedger\": {},", "", StringComparison.Ordinal);
        var problem = await (await client.PostAsync($"{url}/plans", Request("No balance", noBalance))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("scenario.startBalance", out _), problem.ToString());

        async Task<JsonElement> SimulateAsync(string scenario, HttpStatusCode status, string code)
        {
            var plan = await (await client.PostAsync($"{url}/plans", Request("Plan", scenario))).ReadAsync<PlanDto>(HttpStatusCode.Created);
            return await (await client.PostAsync($"{url}/plans/{plan.Id}/simulations", new SimulateRequest(100, 1))).ReadProblemAsync(status, code);
        }

        // Cash held but no asset stands for the cash class.
        problem = await SimulateAsync(FromLedger("""{"asOf": "2000-06-01", "allocation": true}""", "[]"), HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("scenario.fromLedger.allocation", out _), problem.ToString());
        problem = await SimulateAsync(FromLedger("""{"accountTypes": ["creditCard"]}"""), HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("scenario.fromLedger.accountTypes", out _), problem.ToString());

        // Euro cash cannot be valued in dollars without a rate.
        var euro = await (await client.PostAsync($"{url}/accounts", new CreateAccountRequest("Euro brokerage", AccountType.TaxableBrokerage, "EUR", "Bank", "9876543210", null, LotReliefMethod.Fifo)))
            .ReadAsync<AccountDto>(HttpStatusCode.Created);
        await (await client.PostAsync($"{url}/transactions", Deposit(euro.Id, new DateOnly(2000, 1, 3), 500m))).ReadAsync<JsonElement>(HttpStatusCode.Created);
        await SimulateAsync(FromLedger("""{"asOf": "2000-06-01"}"""), HttpStatusCode.UnprocessableEntity, "missing-fx-rate");

        await using var db = app.CreateDbContext();
        Assert.Empty(db.SimulationRuns);
    }
}
