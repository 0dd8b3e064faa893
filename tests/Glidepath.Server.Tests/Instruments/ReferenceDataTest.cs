using System.Net;
using System.Text;
using Glidepath.Domain.Instruments;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Imports;
using Glidepath.Application.Instruments;
using Glidepath.Server.Instruments;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Application.Transactions;
using Glidepath.Server.Valuation;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using static Glidepath.Server.Tests.Hosting.Fixtures;

namespace Glidepath.Server.Tests.Instruments;

/// <summary>
/// Shared instruments and prices belong to operators; households keep private ones (issue 14's first
/// finding: an ordinary user's price write moved the demo household's net worth).
/// </summary>
public class ReferenceDataTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SharedPrices_OrdinaryUserWritesAndImports_LeaveTheDemoNetWorthUnchanged(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, seedDemoData: true);
        var demo = app.CreateClient();
        var demoUrl = $"/api/households/{app.DefaultUser.HouseholdId}";
        var before = await (await demo.GetAsync($"{demoUrl}/valuation")).ReadAsync<ValuationDto>();
        var held = (await (await demo.GetAsync($"/api/instruments?householdId={app.DefaultUser.HouseholdId}&inUse=true&pageSize=1000")).ReadAsync<InstrumentPage>()).Items;
        var target = held.First(i => i.HouseholdId is null);
        var lastClose = (await (await demo.GetAsync($"/api/instruments/{target.Id}/prices")).ReadAsync<List<PriceDto>>())[^1];

        var attacker = await app.CreateUserAsync();
        var client = app.CreateClient(attacker);
        await (await client.PutAsync($"/api/instruments/{target.Id}/prices", new[] { new PriceDto(lastClose.Date, 0.01m) }))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "reference-data-read-only");
        await (await client.PutAsync($"/api/instruments/{target.Id}", new InstrumentRequest(target.Symbol, "x", target.Type, AssetClass.Cash, target.Currency, target.Exchange, null)))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "reference-data-read-only");
        var csv = $"Date,{target.Symbol}\n{lastClose.Date:yyyy-MM-dd},0.01\n";
        Assert.Equal(HttpStatusCode.Forbidden, (await PostCsv(client, "/api/imports/prices", csv)).StatusCode);
        var own = await (await PostCsv(client, $"/api/households/{attacker.HouseholdId}/imports/prices", csv)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "import-rejected");
        Assert.Contains("shared instrument", own.ToString(), StringComparison.Ordinal);
        await (await client.PostAsync("/api/instruments", new InstrumentRequest("NEWCO", "", InstrumentType.Stock, AssetClass.UsEquity, "USD", "", null)))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "reference-data-read-only");

        var after = await (await demo.GetAsync($"{demoUrl}/valuation")).ReadAsync<ValuationDto>();
        Assert.Equal(before.NetWorth, after.NetWorth);
        Assert.Equal(lastClose.Close, (await (await demo.GetAsync($"/api/instruments/{target.Id}/prices")).ReadAsync<List<PriceDto>>())[^1].Close);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task PrivateInstrument_OwnPrices_ValueTheHousehold_AndNoOtherHouseholdSeesOrUsesIt(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var owner = await app.CreateUserAsync();
        var client = app.CreateClient(owner);
        var url = $"/api/households/{owner.HouseholdId}";
        var account = await client.AccountAsync(owner.HouseholdId!.Value);
        var house = await (await client.PostAsync("/api/instruments",
                new InstrumentRequest("MYFUND", "My fund", InstrumentType.MutualFund, AssetClass.RealEstate, "USD", "", null, owner.HouseholdId)))
            .ReadAsync<InstrumentDto>(HttpStatusCode.Created);
        Assert.Equal((owner.HouseholdId, true), (house.HouseholdId, house.Editable));
        await (await client.PutAsync($"/api/instruments/{house.Id}/prices", new[] { new PriceDto(new DateOnly(2020, 1, 2), 10m), new PriceDto(new DateOnly(2020, 6, 1), 12.5m) }))
            .ReadAsync<List<PriceDto>>();
        await (await client.PostAsync($"{url}/transactions/batch", new TransactionBatchRequest(
            [Deposit(account.Id, new DateOnly(2020, 1, 2), 1_000m), Buy(account.Id, house.Id, new DateOnly(2020, 1, 2), 100m, 10m)])))
            .ReadAsync<TransactionBatchResult>(HttpStatusCode.Created);
        var valuation = await (await client.GetAsync($"{url}/valuation?date=2020-06-30")).ReadAsync<ValuationDto>();
        Assert.Equal(1_250m, valuation.NetWorth);

        var stranger = await app.CreateUserAsync();
        var other = app.CreateClient(stranger);
        var strangerAccount = await other.AccountAsync(stranger.HouseholdId!.Value);
        await (await other.GetAsync($"/api/instruments/{house.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "instrument-not-found");
        await (await other.GetAsync($"/api/instruments/{house.Id}/prices")).ReadProblemAsync(HttpStatusCode.NotFound, "instrument-not-found");
        await (await other.PutAsync($"/api/instruments/{house.Id}/prices", new[] { new PriceDto(new DateOnly(2020, 6, 1), 0.01m) }))
            .ReadProblemAsync(HttpStatusCode.NotFound, "instrument-not-found");
        Assert.DoesNotContain((await (await other.GetAsync("/api/instruments?q=myfund")).ReadAsync<InstrumentPage>()).Items, i => i.Id == house.Id);
        await (await other.PostAsync($"/api/households/{stranger.HouseholdId}/transactions/batch", new TransactionBatchRequest(
            [Deposit(strangerAccount.Id, new DateOnly(2020, 1, 2), 1_000m), Buy(strangerAccount.Id, house.Id, new DateOnly(2020, 1, 2), 1m, 10m)])))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await other.PostAsync("/api/instruments", new InstrumentRequest("X", "", InstrumentType.Stock, AssetClass.UsEquity, "USD", "", null, owner.HouseholdId)))
            .ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");

        Assert.Equal(1_250m, (await (await client.GetAsync($"{url}/valuation?date=2020-06-30")).ReadAsync<ValuationDto>()).NetWorth);

        // The household goes with its private instruments and their prices (lots and positions name them).
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(url)).StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Instruments.AnyAsync(i => i.Id == house.Id));
        Assert.False(await db.Prices.AnyAsync(p => p.InstrumentId == house.Id));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Imports_UnknownSymbols_BecomePrivateUnclassifiedInstruments_WithinTheCaps(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?>
        {
            ["Glidepath:Instruments:MaxNewPerImport"] = "2",
            ["Glidepath:Instruments:MaxPerHousehold"] = "4",
        });
        var owner = await app.CreateUserAsync();
        var client = app.CreateClient(owner);
        var url = $"/api/households/{owner.HouseholdId}";
        var account = await client.AccountAsync(owner.HouseholdId!.Value);

        const string Book = "Date,Type,Symbol,Quantity,Price,Fees,Amount\n2020-01-02,Deposit,,,,,1000\n2020-01-02,Buy,ZZA,10,5,0,\n2020-01-02,Buy,ZZB,10,5,0,\n";
        var imported = await (await PostCsv(client, $"{url}/imports/transactions?accountId={account.Id}", Book)).ReadAsync<ImportResultDto>();
        Assert.Equal(["ZZA", "ZZB"], imported.CreatedInstruments.Order(StringComparer.Ordinal));
        var unclassified = await (await client.GetAsync($"/api/instruments?householdId={owner.HouseholdId}&assetClass=Unclassified")).ReadAsync<InstrumentPage>();
        Assert.Equal(["ZZA", "ZZB"], unclassified.Items.Select(i => i.Symbol));
        Assert.All(unclassified.Items, i => Assert.Equal(owner.HouseholdId, i.HouseholdId));

        // The household's own closes for them; the other household neither sees nor resolves them.
        var prices = await (await PostCsv(client, $"{url}/imports/prices", "Date,ZZA,ZZB\n2020-06-01,6,7\n")).ReadAsync<ImportResultDto>();
        Assert.Equal((2, 0), (prices.Imported, prices.CreatedInstruments.Count));
        Assert.Equal(1_000m - 100m + 60m + 70m, (await (await client.GetAsync($"{url}/valuation?date=2020-06-30")).ReadAsync<ValuationDto>()).NetWorth);
        var stranger = await app.CreateUserAsync();
        Assert.Equal(0, (await (await app.CreateClient(stranger).GetAsync("/api/instruments?q=ZZ")).ReadAsync<InstrumentPage>()).TotalCount);

        // Three new symbols in one file pass the per-import cap (2); nothing of the file is kept.
        var flood = await (await PostCsv(client, $"{url}/imports/prices", "Date,N1,N2,N3\n2020-06-01,1,1,1\n"))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "import-rejected");
        Assert.Contains("at most 2 new instruments", flood.ToString(), StringComparison.Ordinal);
        // Two more fill the household cap (4); the next does not fit, through an import or the API.
        await (await PostCsv(client, $"{url}/imports/prices", "Date,N1,N2\n2020-06-01,1,1\n")).ReadAsync<ImportResultDto>();
        var full = await (await PostCsv(client, $"{url}/imports/prices", "Date,N3\n2020-06-01,1\n")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "import-rejected");
        Assert.Contains("at most 4 instruments of its own", full.ToString(), StringComparison.Ordinal);
        await (await client.PostAsync("/api/instruments", new InstrumentRequest("N3", "", InstrumentType.Stock, AssetClass.UsEquity, "USD", "", null, owner.HouseholdId)))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "instrument-limit-reached");

        // Classifying: the household edits its own instrument.
        var zza = unclassified.Items[0];
        var edited = await (await client.PutAsync($"/api/instruments/{zza.Id}", new InstrumentRequest("ZZA", "Zed A", InstrumentType.Etf, AssetClass.Bonds, "USD", "NYSE", "US0000000001")))
            .ReadAsync<InstrumentDto>();
        Assert.Equal((AssetClass.Bonds, "NYSE", "US0000000001", owner.HouseholdId), (edited.AssetClass, edited.Exchange, edited.Isin, edited.HouseholdId));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task List_IsPagedAndSearchable(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var operatorClient = await app.CreateOperatorClientAsync();
        foreach (var (symbol, name, isin) in new[] { ("AAA", "Alpha Corp", "US0000000AAA"), ("BBB", "Beta Bonds", "US0000000BBB"), ("CCC", "Gamma alpha", "US0000000CCC") })
        {
            await (await operatorClient.PostAsync("/api/instruments", new InstrumentRequest(symbol, name, InstrumentType.Stock, AssetClass.UsEquity, "USD", "", isin)))
                .ReadAsync<InstrumentDto>(HttpStatusCode.Created);
        }

        var client = app.CreateClient();
        var second = await (await client.GetAsync("/api/instruments?page=2&pageSize=2")).ReadAsync<InstrumentPage>();
        Assert.Equal((3, 2, 2), (second.TotalCount, second.Page, second.PageSize));
        Assert.Equal(["CCC"], second.Items.Select(i => i.Symbol));
        Assert.All(second.Items, i => Assert.False(i.Editable));
        Assert.Equal(["AAA", "CCC"], (await (await client.GetAsync("/api/instruments?q=ALPHA")).ReadAsync<InstrumentPage>()).Items.Select(i => i.Symbol));
        Assert.Equal(["BBB"], (await (await client.GetAsync("/api/instruments?q=us0000000bbb")).ReadAsync<InstrumentPage>()).Items.Select(i => i.Symbol));
        Assert.Equal(["BBB"], (await (await client.GetAsync("/api/instruments?q=bb")).ReadAsync<InstrumentPage>()).Items.Select(i => i.Symbol));
        await (await client.GetAsync("/api/instruments?pageSize=1001")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.GetAsync("/api/instruments?inUse=true")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task APagedList_LinksItsFirstPrevNextAndLastPages_KeepingItsFilter(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var operatorClient = await app.CreateOperatorClientAsync();
        foreach (var symbol in new[] { "LNKA", "LNKB", "LNKC", "LNKD", "LNKE" })
        {
            await (await operatorClient.PostAsync("/api/instruments", new InstrumentRequest(symbol, $"Linked {symbol}", InstrumentType.Stock, AssetClass.UsEquity, "USD", "", null)))
                .ReadAsync<InstrumentDto>(HttpStatusCode.Created);
        }

        var client = app.CreateClient();
        async Task<string> Links(string query) => string.Join(", ", (await client.GetAsync("/api/v1/instruments?" + query)).Headers.GetValues("Link"));

        // Five matches in pages of two: pages 1 to 3. The filter (q) stays in every link; page and pageSize are set.
        Assert.Equal(
            "</api/v1/instruments?q=linked&page=1&pageSize=2>; rel=\"first\", </api/v1/instruments?q=linked&page=1&pageSize=2>; rel=\"prev\", "
            + "</api/v1/instruments?q=linked&page=3&pageSize=2>; rel=\"next\", </api/v1/instruments?q=linked&page=3&pageSize=2>; rel=\"last\"",
            await Links("page=2&pageSize=2&q=linked"));
        Assert.Equal(
            "</api/v1/instruments?q=linked&page=1&pageSize=2>; rel=\"first\", </api/v1/instruments?q=linked&page=2&pageSize=2>; rel=\"next\", "
            + "</api/v1/instruments?q=linked&page=3&pageSize=2>; rel=\"last\"",
            await Links("q=linked&pageSize=2"));
        Assert.DoesNotContain("rel=\"next\"", await Links("q=linked&page=3&pageSize=2"), StringComparison.Ordinal);
        // An empty list is one empty page.
        Assert.Equal("</api/v1/instruments?q=nothing&page=1&pageSize=2>; rel=\"first\", </api/v1/instruments?q=nothing&page=1&pageSize=2>; rel=\"last\"",
            await Links("q=nothing&pageSize=2"));
    }

    private static Task<HttpResponseMessage> PostCsv(HttpClient client, string url, string csv) =>
        client.PostAsync(url, new StringContent(csv, Encoding.UTF8, "text/csv"));
}
