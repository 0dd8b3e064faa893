using Glidepath.Cli.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Cli.Tests.Commands;

public class RebuildCommandTest
{
    private const string Prices = """
        Date,Open,High,Low,Close,Adj Close,Volume
        1999-01-04,70.50,70.50,70.50,70.50,70.50,0
        1999-06-01,78.50,78.50,78.50,78.50,78.50,0
        """;

    private const string Trades = """
        Date,Type,Symbol,Quantity,Price,Fees,Amount
        1999-01-04,Deposit,,,,,10000
        1999-01-04,Buy,MSFT,100,70.50,10,
        """;

    [Fact]
    public async Task Rebuild_LostReadModel_RestoresTheSameRows()
    {
        await using var cli = await CliRun.StartAsync();
        var (household, account) = await cli.HouseholdAsync();
        Assert.Equal(0, (await cli.RunAsync("import", "prices", cli.File("msft.csv", Prices), "--symbol", "MSFT")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("import", "transactions", cli.File("trades.csv", Trades), "--account", account.ToString())).ExitCode);
        List<string> before;
        await using (var db = cli.Database.CreateDbContext())
        {
            before = await RowsAsync(db);
            Assert.NotEmpty(before);
            await db.ValuationDays.ExecuteDeleteAsync();
            await db.Positions.ExecuteDeleteAsync();
        }

        var (exit, stdout, stderr) = await cli.RunAsync("rebuild", "--household", household.ToString());

        Assert.Equal((0, ""), (exit, stderr));
        Assert.Contains($"rebuilt {household}", stdout, StringComparison.Ordinal);
        await using (var db = cli.Database.CreateDbContext())
        {
            Assert.Equal(before, await RowsAsync(db));
            Assert.Equal(100m, (await db.Positions.SingleAsync()).Quantity);
        }

        Assert.Equal(0, (await cli.RunAsync("rebuild", "--all")).ExitCode);
    }

    [Theory]
    [InlineData("rebuild")]
    [InlineData("rebuild", "--all", "--household", "00000000-0000-0000-0000-000000000001")]
    [InlineData("rebuild", "--household", "not-a-guid")]
    public async Task Rebuild_NeitherOrBothOrBadId_ExitsTwoWithOneLine(params string[] args)
    {
        await using var cli = await CliRun.StartAsync();

        var (exit, _, stderr) = await cli.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Rebuild_UnknownHousehold_ExitsOne()
    {
        await using var cli = await CliRun.StartAsync();

        var (exit, _, stderr) = await cli.RunAsync("rebuild", "--household", Guid.NewGuid().ToString());

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }

    private static async Task<List<string>> RowsAsync(Infrastructure.Persistence.GlidepathDbContext db) =>
        [.. (await db.ValuationDays.AsNoTracking().ToListAsync()).Select(d => $"{d.Date:yyyy-MM-dd} {d.Currency} {d.Amount}").Order(StringComparer.Ordinal)];
}
