using System.Text.Json;
using Glidepath.Cli.Tests.Commands;
using Glidepath.Domain.Planning;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Ledger;

namespace Glidepath.Cli.Tests.Planning;

/// <summary><c>simulate --household ID --plan ID</c>: a stored plan, its <c>fromLedger</c> start valued from the household's holdings as the server's runs are.</summary>
public class SimulateStoredPlanTest
{
    private static readonly string Benchmark = Path.Combine(AppContext.BaseDirectory, "examples", "benchmark-retirement.json");

    [Fact]
    public async Task Simulate_StoredPlanFromLedger_RunsAsTheSameScenarioWithTheHoldingsAsStartBalance()
    {
        await using var cli = await CliRun.StartAsync();
        var (household, account) = await cli.HouseholdAsync();
        var scenario = await File.ReadAllTextAsync(Benchmark);
        var plan = new Plan
        {
            HouseholdId = household,
            Name = "From the ledger",
            ScenarioJson = scenario.Replace("\"startBalance\": 100000", "\"fromLedger\": {\"asOf\": \"2024-06-28\"}", StringComparison.Ordinal),
            CreatedUtc = DateTimeOffset.UnixEpoch,
        };
        Assert.Contains("fromLedger", plan.ScenarioJson, StringComparison.Ordinal);
        await using (var db = cli.Database.CreateDbContext())
        {
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            var deposit = new Transaction { AccountId = account, Type = TransactionType.Deposit, TradeDate = new DateOnly(2024, 1, 2), SettlementDate = new DateOnly(2024, 1, 2), Amount = 123_456m };
            Assert.True((await new LedgerStore(db).AddTransactionsAsync([deposit])).Succeeded);
        }

        var stored = await cli.RunAsync("simulate", "--household", household.ToString(), "--plan", plan.Id.ToString(), "--paths", "2000", "--seed", "7", "--json");
        var file = cli.File("same.json", scenario.Replace("\"startBalance\": 100000", "\"startBalance\": 123456", StringComparison.Ordinal));
        var same = await cli.RunAsync("simulate", file, "--paths", "2000", "--seed", "7", "--json");

        Assert.True(stored.ExitCode == 0, stored.Error);
        Assert.Equal((0, ""), (same.ExitCode, same.Error));
        Assert.Equal(same.Out, stored.Out);
        using var report = JsonDocument.Parse(stored.Out);
        Assert.Equal(2000, report.RootElement.GetProperty("paths").GetInt32());
    }

    [Fact]
    public async Task Simulate_UnknownPlan_ExitsOneWithOneLine()
    {
        await using var cli = await CliRun.StartAsync();
        var (household, _) = await cli.HouseholdAsync();

        var (exit, stdout, stderr) = await cli.RunAsync("simulate", "--household", household.ToString(), "--plan", Guid.NewGuid().ToString());

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("is not in this household", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--household")]
    [InlineData("--plan")]
    public async Task Simulate_FileAndStoredPlanOrHalfAPlan_IsAUsageError(string only)
    {
        await using var cli = await CliRun.StartAsync();

        var both = await cli.RunAsync("simulate", Benchmark, "--household", Guid.NewGuid().ToString(), "--plan", Guid.NewGuid().ToString());
        var half = await cli.RunAsync("simulate", only, Guid.NewGuid().ToString());

        Assert.Equal((2, 2), (both.ExitCode, half.ExitCode));
        Assert.Contains("--household ID and --plan ID", half.Error, StringComparison.Ordinal);
    }
}
