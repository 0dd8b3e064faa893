using System.Text.Json;
using Glidepath.Cli.Tests.Commands;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Pricing;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Ledger;

namespace Glidepath.Cli.Tests.Trading;

public class TradingCommandsTest
{
    private static readonly string Example = Path.Combine(AppContext.BaseDirectory, "examples", "rebalance-snapshot.json");

    [Fact]
    public async Task Rebalance_ExampleFile_WritesTheDomainProposalAsJson()
    {
        await using var cli = await CliRun.StartAsync();

        var (exit, stdout, stderr) = await cli.RunAsync("rebalance", "--input", Example, "--json");

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        var expected = Rebalancer.Propose(PortfolioSnapshotJson.Parse(await File.ReadAllTextAsync(Example)).Snapshot!);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(expected.Trades.Count, doc.RootElement.GetProperty("trades").GetArrayLength());
        Assert.NotEmpty(expected.Trades);
        Assert.Equal(expected.EstimatedTax, doc.RootElement.GetProperty("estimatedTax").GetDecimal());
    }

    [Fact]
    public async Task Rebalance_AssetLocation_ProposesOnTheHouseholdTotal()
    {
        await using var cli = await CliRun.StartAsync();

        var (exit, stdout, stderr) = await cli.RunAsync("rebalance", "--input", Example, "--asset-location", "--json");
        var table = await cli.RunAsync("rebalance", "--input", Example, "--asset-location");

        Assert.Equal((0, 0), (exit, table.ExitCode));
        Assert.Empty(stderr);
        var snapshot = PortfolioSnapshotJson.Parse(await File.ReadAllTextAsync(Example)).Snapshot! with { AssetLocation = true };
        var expected = Rebalancer.Propose(snapshot);
        using var doc = JsonDocument.Parse(stdout);
        var drifts = doc.RootElement.GetProperty("drifts").EnumerateArray().ToList();
        Assert.Equal(snapshot.Targets.Count, drifts.Count);
        Assert.All(drifts, d => Assert.Equal(Guid.Empty, d.GetProperty("accountId").GetGuid()));
        Assert.Equal(
            expected.Trades.Select(t => t.Reason),
            doc.RootElement.GetProperty("trades").EnumerateArray().Select(t => t.GetProperty("reason").GetString()));
    }

    /// <summary>Bands wide enough to hold every drift: --force still trades each target back to its weight, as the server's force does.</summary>
    [Fact]
    public async Task Rebalance_Force_TradesTargetsInsideTheirBandsBackToTheirWeights()
    {
        await using var cli = await CliRun.StartAsync();
        var snapshot = PortfolioSnapshotJson.Parse(await File.ReadAllTextAsync(Example)).Snapshot!;
        var wide = snapshot with { Targets = [.. snapshot.Targets.Select(t => t with { AbsoluteBand = 0.5m, RelativeBand = 5m })] };
        var file = cli.File("wide.json", PortfolioSnapshotJson.Serialize(wide));
        var inBand = Rebalancer.Propose(wide);
        var toWeight = Rebalancer.Propose(wide with { Targets = [.. wide.Targets.Select(t => t with { AbsoluteBand = 0m, RelativeBand = 0m })] });

        var banded = await cli.RunAsync("rebalance", "--input", file, "--json");
        var forced = await cli.RunAsync("rebalance", "--input", file, "--force", "--json");

        Assert.Equal((0, 0), (banded.ExitCode, forced.ExitCode));
        Assert.NotEqual(Trades(inBand), Trades(toWeight));
        Assert.Equal(Trades(inBand), Trades(banded.Out));
        Assert.Equal(Trades(toWeight), Trades(forced.Out));
    }

    private static List<(Guid, decimal)> Trades(RebalanceProposal proposal) => [.. proposal.Trades.Select(t => (t.InstrumentId, t.Quantity))];

    private static List<(Guid, decimal)> Trades(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("trades").EnumerateArray().Select(t => (t.GetProperty("instrumentId").GetGuid(), t.GetProperty("quantity").GetDecimal()))];
    }

    [Theory]
    [InlineData("rebalance")]
    [InlineData("harvest")]
    public async Task NeitherOrBothSources_ExitTwoWithOneLine(string command)
    {
        await using var cli = await CliRun.StartAsync();

        var neither = await cli.RunAsync(command, "--json");
        var both = await cli.RunAsync(command, "--household", Guid.NewGuid().ToString(), "--input", Example);

        Assert.Equal((2, 2), (neither.ExitCode, both.ExitCode));
        Assert.Single(neither.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Rebalance_BadFile_ExitsOneWithOneLine()
    {
        await using var cli = await CliRun.StartAsync();
        var file = cli.File("bad.json", "{ \"asOf\": 12 }");

        var (exit, stdout, stderr) = await cli.RunAsync("rebalance", "--input", file);

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    /// <summary>
    /// A stored household: VTI bought at 100, sold at 80 (loss 200) and bought back within 30 days. The
    /// gains report shows the loss disallowed with code W; harvest scans the household from the database
    /// and sees the replacement's adjusted basis.
    /// </summary>
    [Fact]
    public async Task GainsAndHarvest_StoredHousehold_ShowWashSaleAndOpportunity()
    {
        await using var cli = await CliRun.StartAsync();
        var (household, account) = await cli.HouseholdAsync();
        var vti = new Instrument { Symbol = "VTI", AssetClass = AssetClass.UsEquity };
        var vxus = new Instrument { Symbol = "VXUS", AssetClass = AssetClass.InternationalEquity };
        await using (var db = cli.Database.CreateDbContext())
        {
            db.Instruments.AddRange(vti, vxus);
            db.Prices.AddRange(new PriceClose(vti.Id, new DateOnly(2024, 6, 28), 90m), new PriceClose(vxus.Id, new DateOnly(2024, 6, 28), 40m));
            await db.SaveChangesAsync();
            var result = await new LedgerStore(db).AddTransactionsAsync([
                Cash(account, new DateOnly(2024, 1, 2), 5_000m),
                Trade(account, TransactionType.Buy, vti, new DateOnly(2024, 1, 2), 10m, 100m),
                Trade(account, TransactionType.Buy, vxus, new DateOnly(2024, 1, 2), 50m, 50m),
                Trade(account, TransactionType.Sell, vti, new DateOnly(2024, 3, 1), 10m, 80m),
                Trade(account, TransactionType.Buy, vti, new DateOnly(2024, 3, 15), 10m, 85m)]);
            Assert.True(result.Succeeded);
        }

        var gains = await cli.RunAsync("gains", "--household", household.ToString(), "--year", "2024", "--csv");
        var harvest = await cli.RunAsync("harvest", "--household", household.ToString(), "--as-of", "2024-06-30", "--json");

        Assert.Equal(0, gains.ExitCode);
        Assert.Equal(
            ["Part,Description,Date acquired,Date sold,Proceeds,Cost basis,Code,Adjustment,Gain or loss", "I,10 VTI,01/02/2024,03/01/2024,800.00,1000.00,W,200.00,0.00"],
            gains.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(0, harvest.ExitCode);
        using var scan = JsonDocument.Parse(harvest.Out);
        // VTI's replacement lot carries the disallowed 200: basis 1,050 against 900 is a 150 loss.
        var losses = scan.RootElement.GetProperty("opportunities").EnumerateArray()
            .ToDictionary(o => o.GetProperty("instrumentId").GetGuid(), o => o.GetProperty("loss").GetDecimal());
        Assert.Equal(new Dictionary<Guid, decimal> { [vxus.Id] = 500m, [vti.Id] = 150m }, losses);
        Assert.Equal(1, (await cli.RunAsync("gains", "--household", Guid.NewGuid().ToString(), "--year", "2024")).ExitCode);
    }

    private static Transaction Cash(Guid account, DateOnly date, decimal amount) =>
        new() { AccountId = account, Type = TransactionType.Deposit, TradeDate = date, SettlementDate = date, Amount = amount };

    private static Transaction Trade(Guid account, TransactionType type, Instrument instrument, DateOnly date, decimal quantity, decimal price) =>
        new() { AccountId = account, Type = type, TradeDate = date, SettlementDate = date, InstrumentId = instrument.Id, Quantity = quantity, Price = price };
}
