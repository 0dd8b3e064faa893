using System.Net;
using Glidepath.Application.CorporateActions;
using Glidepath.Application.Accounts;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Accounts;
using Glidepath.Application.Instruments;
using Glidepath.Server.Instruments;
using Glidepath.Server.Positions;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Transactions;
using Glidepath.Testing;
using Glidepath.Testing.Databases;
using Glidepath.Testing.MarketData;

namespace Glidepath.Server.Tests.CorporateActions;

/// <summary>
/// Dividends and splits from data against a stub serving Yahoo's real AAPL chart (Samples/Apis/README.md): a 4:1 split
/// on 2020-08-31 and a 0.205 dividend with ex-date 2020-11-06.
/// </summary>
public sealed class CorporateActionEndpointsTest
{
    private static readonly string AaplChart = File.ReadAllText(Path.Combine(ApiSamples.Apis(), "yahoo_chart_v8_AAPL_body.json"));

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task MissingSplitAndDividend_AreProposed_BookedOnlyWhenConfirmed_AndConfirmingTwiceBooksOnce(DatabaseProvider provider)
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = request => request.Path.Value!.EndsWith("/chart/AAPL", StringComparison.Ordinal) ? StubAnswer.Ok(AaplChart, "application/json") : new StubAnswer(404, "{}");
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["MarketData:Providers:yahoo:BaseUrl"] = stub.BaseUrl });
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        var h = $"/api/households/{household.Id}";
        var aapl = await (await client.PostAsync("/api/instruments", new InstrumentRequest("AAPL", "Apple", InstrumentType.Stock, AssetClass.UsEquity, "USD", "NASDAQ", null, household.Id)))
            .ReadAsync<InstrumentDto>(HttpStatusCode.Created);
        await (await client.PostAsync($"{h}/transactions", Fixtures.Deposit(account.Id, new DateOnly(2020, 8, 3), 5000m))).ReadAsync<object>(HttpStatusCode.Created);
        await (await client.PostAsync($"{h}/transactions", Fixtures.Buy(account.Id, aapl.Id, new DateOnly(2020, 8, 3), 10m, 400m))).ReadAsync<object>(HttpStatusCode.Created);

        var scan = await (await client.GetAsync($"{h}/corporate-actions/proposals")).ReadAsync<CorporateActionScan>();

        // By hand: 10 shares bought before the 4:1 split are 40 at the ex-date, so the dividend is 40 x 0.205 = 8.20.
        Assert.Empty(scan.NotChecked);
        Assert.Equal(2, scan.Proposals.Count);
        var split = scan.Proposals.Single(p => p.Kind == "split");
        Assert.Equal((new DateOnly(2020, 8, 31), 4m, 1m, 10m), (split.Date, split.SplitNumerator, split.SplitDenominator, split.Quantity));
        var dividend = scan.Proposals.Single(p => p.Kind == "dividend");
        Assert.Equal((new DateOnly(2020, 11, 6), 0.205m, 40m, 8.20m, 0m), (dividend.Date, dividend.PerShare, dividend.Quantity, dividend.Amount, dividend.Withholding));
        Assert.Equal(2, (await (await client.GetAsync($"{h}/transactions")).ReadAsync<TransactionPage>()).TotalCount); // proposing booked nothing

        var first = await (await client.PostAsync($"{h}/corporate-actions/confirm", new ConfirmCorporateActionsRequest([split.Id]))).ReadAsync<ConfirmCorporateActionsResult>();
        var all = await (await client.PostAsync($"{h}/corporate-actions/confirm", new ConfirmCorporateActionsRequest(null, All: true))).ReadAsync<ConfirmCorporateActionsResult>();
        var again = await (await client.PostAsync($"{h}/corporate-actions/confirm", new ConfirmCorporateActionsRequest([split.Id, dividend.Id]))).ReadAsync<ConfirmCorporateActionsResult>();

        Assert.Equal((1, 0), (first.Booked, first.AlreadyBooked));
        Assert.Equal((1, 0), (all.Booked, all.AlreadyBooked));
        Assert.Equal(dividend.Id, Assert.Single(all.Confirmed).Id);
        Assert.Equal((0, 2), (again.Booked, again.AlreadyBooked));
        Assert.Empty((await (await client.GetAsync($"{h}/corporate-actions/proposals")).ReadAsync<CorporateActionScan>()).Proposals);
        var positions = await (await client.GetAsync($"{h}/positions?asOf=2020-12-31")).ReadAsync<PositionsDto>();
        Assert.Equal(40m, Assert.Single(positions.Positions).Quantity);
        Assert.Equal(5000m - 4000m + 8.20m, Assert.Single(positions.Cash).Amount);

        await (await client.PostAsync($"{h}/corporate-actions/confirm", new ConfirmCorporateActionsRequest(["ca:dividend:nope"]))).ReadProblemAsync(HttpStatusCode.NotFound, "corporate-action-not-found");
        await (await client.PostAsync($"{h}/corporate-actions/confirm", new ConfirmCorporateActionsRequest(null))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Dividend_InAnAccountThatWithholds15Percent_ProposesGrossAndWithholding_AndBooksTheNetCash(DatabaseProvider provider)
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = request => request.Path.Value!.EndsWith("/chart/AAPL", StringComparison.Ordinal) ? StubAnswer.Ok(AaplChart, "application/json") : new StubAnswer(404, "{}");
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["MarketData:Providers:yahoo:BaseUrl"] = stub.BaseUrl });
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        var h = $"/api/households/{household.Id}";
        await (await client.PutAsync($"{h}/accounts/{account.Id}", new UpdateAccountRequest(account.Name, null, null, account.Version, DividendWithholdingRate: 1.5m)))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PutAsync($"{h}/accounts/{account.Id}", new UpdateAccountRequest(account.Name, null, null, account.Version, DividendWithholdingRate: -0.01m)))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var withholding = await (await client.PutAsync($"{h}/accounts/{account.Id}", new UpdateAccountRequest(account.Name, null, null, account.Version, DividendWithholdingRate: 0.15m)))
            .ReadAsync<AccountDto>();
        Assert.Equal(0.15m, withholding.DividendWithholdingRate);
        var aapl = await (await client.PostAsync("/api/instruments", new InstrumentRequest("AAPL", "Apple", InstrumentType.Stock, AssetClass.UsEquity, "USD", "NASDAQ", null, household.Id)))
            .ReadAsync<InstrumentDto>(HttpStatusCode.Created);
        await (await client.PostAsync($"{h}/transactions", Fixtures.Deposit(account.Id, new DateOnly(2020, 8, 3), 5000m))).ReadAsync<object>(HttpStatusCode.Created);
        await (await client.PostAsync($"{h}/transactions", Fixtures.Buy(account.Id, aapl.Id, new DateOnly(2020, 8, 3), 10m, 400m))).ReadAsync<object>(HttpStatusCode.Created);

        var dividend = (await (await client.GetAsync($"{h}/corporate-actions/proposals")).ReadAsync<CorporateActionScan>()).Proposals.Single(p => p.Kind == "dividend");
        var booked = await (await client.PostAsync($"{h}/corporate-actions/confirm", new ConfirmCorporateActionsRequest(null, All: true))).ReadAsync<ConfirmCorporateActionsResult>();

        // By hand: 10 x 4 x 0.205 = 8.20 gross; 15% of it is 1.23 withheld (to the cent), so 6.97 reaches the account.
        Assert.Equal((8.20m, 1.23m, 6.97m), (dividend.Amount, dividend.Withholding, dividend.Net));
        Assert.Equal(2, booked.Booked);
        var transactions = (await (await client.GetAsync($"{h}/transactions")).ReadAsync<TransactionPage>()).Items;
        var fee = Assert.Single(transactions, t => t.Type == TransactionType.Fee);
        Assert.Equal((1.23m, new DateOnly(2020, 11, 6)), (fee.Amount, fee.TradeDate));
        Assert.Equal(8.20m, Assert.Single(transactions, t => t.Type == TransactionType.Dividend).Amount);
        var positions = await (await client.GetAsync($"{h}/positions?asOf=2020-12-31")).ReadAsync<PositionsDto>();
        Assert.Equal(5000m - 4000m + 6.97m, Assert.Single(positions.Cash).Amount);
        Assert.Empty((await (await client.GetAsync($"{h}/corporate-actions/proposals")).ReadAsync<CorporateActionScan>()).Proposals);
    }

    [Theory]
    [InlineData(8.20, 0.15, 1.23)]
    [InlineData(0.10, 0.25, 0.03)] // 0.025: half a cent rounds away from zero, the ledger's booking rounding
    [InlineData(0.30, 0.15, 0.05)] // 0.045
    [InlineData(8.20, 0, 0)]
    public void Withheld_RoundsToTheCent_HalfAwayFromZero(double gross, double rate, double expected) =>
        Assert.Equal((decimal)expected, CorporateActionProposals.Withheld((decimal)gross, (decimal)rate, Domain.Currencies.Currency.Usd));

    [Fact]
    public async Task ProviderDown_ListsTheInstrumentAsNotChecked_AndProposesNothing()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = _ => new StubAnswer(404, "{}");
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["MarketData:Providers:yahoo:BaseUrl"] = stub.BaseUrl });
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        var msft = await app.MsftAsync();
        await (await client.PostAsync($"/api/households/{household.Id}/transactions", Fixtures.Deposit(account.Id, new DateOnly(2020, 8, 3), 5000m))).ReadAsync<object>(HttpStatusCode.Created);
        await (await client.PostAsync($"/api/households/{household.Id}/transactions", Fixtures.Buy(account.Id, msft.Id, new DateOnly(2020, 8, 3), 1m, 200m))).ReadAsync<object>(HttpStatusCode.Created);

        var scan = await (await client.GetAsync($"/api/households/{household.Id}/corporate-actions/proposals")).ReadAsync<CorporateActionScan>();

        Assert.Empty(scan.Proposals);
        Assert.StartsWith("MSFT: ", Assert.Single(scan.NotChecked), StringComparison.Ordinal);
    }
}
