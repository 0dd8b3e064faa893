using System.Text.Json;
using Glidepath.Cli.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Cli.Tests.Commands;

public class CommandsTest
{
    // Real MSFT closes from examples/data/dowjones30_daily_prices.csv (split-adjusted), in the daily layout.
    private const string MsftDaily = """
        Date,Open,High,Low,Close,Adj Close,Volume
        1999-01-04,70.50,70.50,70.50,70.50,70.50,0
        1999-06-01,78.50,78.50,78.50,78.50,78.50,0
        1999-12-31,116.75,116.75,116.75,116.75,116.75,0
        """;

    private const string Trades = """
        Date,Type,Symbol,Quantity,Price,Fees,Amount
        1999-01-04,Deposit,,,,,10000
        1999-01-04,Buy,MSFT,100,70.50,10,
        1999-06-01,Sell,MSFT,40,78.50,10,
        """;

    [Fact]
    public async Task ImportThenReport_PositionsAndNetWorthAsJson()
    {
        await using var cli = await CliRun.StartAsync();
        var (household, account) = await cli.HouseholdAsync();

        var prices = await cli.RunAsync("import", "prices", cli.File("msft.csv", MsftDaily), "--symbol", "MSFT", "--json");
        Assert.Equal(0, prices.ExitCode);
        Assert.Equal(3, JsonDocument.Parse(prices.Out).RootElement.GetProperty("imported").GetInt32());

        var trades = await cli.RunAsync("import", "transactions", cli.File("trades.csv", Trades), "--account", account.ToString());
        Assert.Equal((0, ""), (trades.ExitCode, trades.Error));
        Assert.Contains("imported 3", trades.Out, StringComparison.Ordinal);

        var positions = await cli.RunAsync("positions", "--household", household.ToString(), "--as-of", "1999-12-31", "--json");
        Assert.Equal(0, positions.ExitCode);
        var position = JsonDocument.Parse(positions.Out).RootElement.GetProperty("positions")[0];
        Assert.Equal(("MSFT", 60m, 116.75m, 7_005m),
            (position.GetProperty("symbol").GetString(), position.GetProperty("quantity").GetDecimal(),
             position.GetProperty("price").GetDecimal(), position.GetProperty("marketValue").GetDecimal()));

        var networth = await cli.RunAsync("networth", "--household", household.ToString(), "--from", "1999-05-31", "--to", "1999-06-01", "--json");
        Assert.Equal(0, networth.ExitCode);
        var points = JsonDocument.Parse(networth.Out).RootElement.GetProperty("points");

        // 31 May: 100 × 70.50 + 10,000 − 7,060 cash; 1 June: 60 × 78.50 + cash after the sale (+3,130).
        Assert.Equal([10_000m - 10m, 4_710m + 2_940m + 3_130m], points.EnumerateArray().Select(p => p.GetProperty("value").GetDecimal()));

        var table = await cli.RunAsync("positions", "--household", household.ToString(), "--as-of", "1999-12-31");
        Assert.Contains("MSFT", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadFile_ExitsOneWithOneLineOnStderr_AndImportsNothing()
    {
        await using var cli = await CliRun.StartAsync();
        var (_, account) = await cli.HouseholdAsync();
        var bad = Trades.Replace("100,70.50", "100,seventy", StringComparison.Ordinal);

        var (exit, stdout, stderr) = await cli.RunAsync("import", "transactions", cli.File("bad.csv", bad), "--account", account.ToString());

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("row 3, column Price", line, StringComparison.Ordinal);
        await using var db = cli.Database.CreateDbContext();
        Assert.Equal(0, await db.Transactions.CountAsync());
    }

    [Fact]
    public async Task MemoOverItsLimit_ExitsOneWithOneLineNamingTheLimit_AndImportsNothing()
    {
        await using var cli = await CliRun.StartAsync();
        var (_, account) = await cli.HouseholdAsync();
        var longMemo = Trades.Replace("Fees,Amount", "Fees,Amount,Memo", StringComparison.Ordinal)
            .Replace(",,,,,10000", ",,,,,10000," + new string('m', Glidepath.Domain.Text.TextLimits.Memo + 1), StringComparison.Ordinal);

        var (exit, stdout, stderr) = await cli.RunAsync("import", "transactions", cli.File("memo.csv", longMemo), "--account", account.ToString());

        Assert.Equal((ExitCodes.Failure, ""), (exit, stdout));
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("row 2, column Memo: At most 1,000 characters (1,001 given)", line, StringComparison.Ordinal);
        await using var db = cli.Database.CreateDbContext();
        Assert.Equal(0, await db.Transactions.CountAsync());
    }

    [Theory]
    [InlineData("positions")]
    [InlineData("networth", "--household", "00000000-0000-0000-0000-000000000001", "--from", "2000-01-01", "--to", "1 Jan 2001")]
    [InlineData("frobnicate")]
    public async Task UsageErrors_ExitTwoWithOneLine(params string[] args)
    {
        await using var cli = await CliRun.StartAsync();

        var (exit, _, stderr) = await cli.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task UnknownHousehold_ExitsOne()
    {
        await using var cli = await CliRun.StartAsync();

        var (exit, _, stderr) = await cli.RunAsync("positions", "--household", Guid.NewGuid().ToString());

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }
}
