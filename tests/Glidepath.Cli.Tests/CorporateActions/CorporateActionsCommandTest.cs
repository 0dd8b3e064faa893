using System.Text.Json;
using Glidepath.Cli.Hosting;
using Glidepath.Cli.Tests.Commands;
using Glidepath.Domain.Transactions;
using Glidepath.Testing;
using Glidepath.Testing.MarketData;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Cli.Tests.CorporateActions;

/// <summary>
/// <c>glidepath corporate-actions</c> against a stub serving Yahoo's real AAPL chart (Samples/Apis/README.md): a 4:1 split
/// on 2020-08-31 and a 0.205 dividend with ex-date 2020-11-06.
/// </summary>
public sealed class CorporateActionsCommandTest
{
    private static readonly string AaplChart = File.ReadAllText(Path.Combine(ApiSamples.Apis(), "yahoo_chart_v8_AAPL_body.json"));

    [Fact]
    public async Task List_ThenConfirmAll_BooksTheSplitAndTheDividendNetOfWithholding_ThenNothingIsLeft()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = request => request.Path.Value!.EndsWith("/chart/AAPL", StringComparison.Ordinal) ? StubAnswer.Ok(AaplChart, "application/json") : new StubAnswer(404, "{}");
        await using var cli = await CliRun.StartAsync();
        var (household, account) = await cli.HouseholdAsync();
        await using (var db = cli.Database.CreateDbContext())
        {
            (await db.Accounts.SingleAsync(a => a.Id == account)).DividendWithholdingRate = 0.15m;
            await db.SaveChangesAsync();
        }

        var trades = cli.File("trades.csv", """
            Date,Type,Symbol,Quantity,Price,Amount,Currency
            2020-08-03,Deposit,,,,5000,USD
            2020-08-03,Buy,AAPL,10,400,,USD
            """);
        Assert.Equal(0, (await cli.RunAsync("import", "transactions", trades, "--account", account.ToString())).ExitCode);

        var list = await cli.RunAsync("corporate-actions", "--household", household.ToString(), "--base-url", stub.BaseUrl);
        var json = await cli.RunAsync("corporate-actions", "--household", household.ToString(), "--base-url", stub.BaseUrl, "--json");
        var confirm = await cli.RunAsync("corporate-actions", "--household", household.ToString(), "--base-url", stub.BaseUrl, "--confirm-all");
        var after = await cli.RunAsync("corporate-actions", "--household", household.ToString(), "--base-url", stub.BaseUrl);

        Assert.Equal((0, ""), (list.ExitCode, list.Error));
        // By hand: 10 shares before the 4:1 split are 40 at the ex-date; 40 x 0.205 = 8.20 gross, 15% = 1.23 withheld, 6.97 net.
        Assert.Contains("split 4-for-1 on 10 held", list.Out, StringComparison.Ordinal);
        Assert.Contains("dividend 0.205 x 40 = 8.20 USD, 1.23 withheld, 6.97 net", list.Out, StringComparison.Ordinal);
        Assert.Contains("2 proposal(s)", list.Out, StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(2, JsonDocument.Parse(json.Out).RootElement.GetProperty("proposals").GetArrayLength());
        Assert.Equal((0, ""), (confirm.ExitCode, confirm.Error));
        Assert.Contains("2 booked, 0 already booked.", confirm.Out, StringComparison.Ordinal);
        Assert.Equal(0, after.ExitCode);
        Assert.Contains("Nothing to propose.", after.Out, StringComparison.Ordinal);
        await using (var db = cli.Database.CreateDbContext())
        {
            var booked = (await db.Transactions.ToListAsync()).Where(t => t.ExternalId?.StartsWith("ca:", StringComparison.Ordinal) == true).ToList();
            Assert.Equal(
                [(TransactionType.Dividend, 8.20m), (TransactionType.Fee, 1.23m), (TransactionType.Split, 0m)],
                booked.Select(t => (t.Type, t.Amount)).OrderBy(t => t.Type.ToString(), StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task UnknownHousehold_ExitsOneWithOneLine()
    {
        await using var cli = await CliRun.StartAsync();
        var id = Guid.NewGuid();

        var run = await cli.RunAsync("corporate-actions", "--household", id.ToString(), "--base-url", "http://127.0.0.1:1");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal($"glidepath: household {id} does not exist.", run.Error.Trim());
    }

    [Fact]
    public async Task ConfirmingAnIdThatIsNoProposal_ExitsOneWithOneLine()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = _ => new StubAnswer(404, "{}");
        await using var cli = await CliRun.StartAsync();
        var (household, _) = await cli.HouseholdAsync();

        var run = await cli.RunAsync("corporate-actions", "--household", household.ToString(), "--base-url", stub.BaseUrl, "--confirm", "ca:dividend:nope");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal("glidepath: 'ca:dividend:nope' is not a current dividend or split proposal of this household.", run.Error.Trim());
    }
}
