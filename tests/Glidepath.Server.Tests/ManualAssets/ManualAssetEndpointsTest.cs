using System.Net;
using Glidepath.Application.ManualAssets;
using Glidepath.Domain.ManualAssets;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.ManualAssets;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Application.Transactions;
using Glidepath.Server.Valuation;
using Glidepath.Testing.Databases;
using static Glidepath.Server.Tests.Hosting.Fixtures;

namespace Glidepath.Server.Tests.ManualAssets;

public class ManualAssetEndpointsTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task HomeAndMortgage_CountInNetWorth_AtTheLatestValueOnOrBeforeEachDay(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        var brokerage = await client.AccountAsync(household.Id);
        await (await client.PostAsync($"{url}/transactions/batch", new TransactionBatchRequest([Deposit(brokerage.Id, new DateOnly(1999, 1, 4), 1_000m)])))
            .ReadAsync<TransactionBatchResult>(HttpStatusCode.Created);
        var home = await CreateAsync(client, url, new("Home", ManualAssetKind.Asset, ManualAssetCategory.RealEstate, "USD", 300_000m, new DateOnly(1999, 1, 1)));
        var mortgage = await CreateAsync(client, url, new("Mortgage", ManualAssetKind.Liability, ManualAssetCategory.Mortgage, "USD", 200_000m, new DateOnly(1999, 1, 1)));
        mortgage = await (await client.PostAsync($"{url}/manual-assets/{mortgage.Id}/values", new ManualAssetValueRequest(new DateOnly(1999, 6, 1), 190_000m)))
            .ReadAsync<ManualAssetDto>();

        // 31 Dec 1998: nothing yet; 31 May: the mortgage's first balance; 1 June: its new balance.
        Assert.Equal([0m, 101_000m, 111_000m], await NetWorthAsync(client, url, "1998-12-31", "1999-05-31", "1999-06-01"));
        var valuation = await (await client.GetAsync($"{url}/valuation?date=1999-06-01")).ReadAsync<ValuationDto>();
        Assert.Equal((301_000m, -190_000m, 111_000m), (valuation.Assets, valuation.Liabilities, valuation.NetWorth));
        Assert.Equal([("Home", false, 300_000m), ("Mortgage", true, -190_000m)],
            valuation.ManualItems.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => (m.Name, m.IsLiability, m.Value)));

        // Edit the June balance, then delete it: the May balance applies again.
        var june = mortgage.Values.Single(v => v.Date == new DateOnly(1999, 6, 1));
        await (await client.PutAsync($"{url}/manual-assets/{mortgage.Id}/values/{june.Id}", new ManualAssetValueRequest(june.Date, 185_000m))).ReadAsync<ManualAssetDto>();
        Assert.Equal([116_000m], await NetWorthAsync(client, url, "1999-06-01"));
        var afterDelete = await (await client.DeleteAsync($"{url}/manual-assets/{mortgage.Id}/values/{june.Id}")).ReadAsync<ManualAssetDto>();
        Assert.Equal(200_000m, afterDelete.Latest!.Amount);
        Assert.Equal([101_000m], await NetWorthAsync(client, url, "1999-06-01"));

        // Rename with the version read; a stale version is a conflict.
        var renamed = await (await client.PutAsync($"{url}/manual-assets/{home.Id}", new ManualAssetRequest("House", ManualAssetKind.Asset, ManualAssetCategory.RealEstate, "USD", Version: home.Version)))
            .ReadAsync<ManualAssetDto>();
        Assert.Equal("House", renamed.Name);
        await (await client.PutAsync($"{url}/manual-assets/{home.Id}", new ManualAssetRequest("Villa", ManualAssetKind.Asset, ManualAssetCategory.RealEstate, "USD", Version: home.Version)))
            .ReadProblemAsync(HttpStatusCode.Conflict, "concurrency-conflict");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{url}/manual-assets/{home.Id}")).StatusCode);
        await (await client.GetAsync($"{url}/manual-assets/{home.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "manual-asset-not-found");
        Assert.Equal([-199_000m], await NetWorthAsync(client, url, "1999-06-01"));
    }

    [Fact]
    public async Task BadInput_IsAProblem_AndAnotherHouseholdsItemIsNotFound()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}/manual-assets";

        var wrongKind = await (await client.PostAsync(url, new ManualAssetRequest("Car loan", ManualAssetKind.Asset, ManualAssetCategory.Loan, "USD")))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("Loan is not a category of asset.", wrongKind.GetProperty("errors").GetProperty("category")[0].GetString(), StringComparison.Ordinal);
        var bad = await (await client.PostAsync(url, new ManualAssetRequest(" ", null, ManualAssetCategory.Vehicle, "XYZ", -5m, new DateOnly(2999, 1, 1))))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(["amount", "currency", "date", "kind", "name"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var car = await CreateAsync(client, $"/api/households/{household.Id}", new("Car", ManualAssetKind.Asset, ManualAssetCategory.Vehicle, "USD", 20_000m, new DateOnly(2024, 1, 1)));
        await (await client.PostAsync($"{url}/{car.Id}/values", new ManualAssetValueRequest(new DateOnly(2024, 1, 1), 19_000m)))
            .ReadProblemAsync(HttpStatusCode.Conflict, "duplicate-manual-asset-value");

        var stranger = app.CreateClient(await app.CreateUserAsync());
        await (await stranger.GetAsync($"{url}/{car.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");
        var other = await stranger.HouseholdAsync();
        await (await stranger.DeleteAsync($"/api/households/{other.Id}/manual-assets/{car.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "manual-asset-not-found");
        await using var db = app.CreateDbContext();
        Assert.Equal(1, db.ManualAssets.Count());
    }

    private static async Task<ManualAssetDto> CreateAsync(HttpClient client, string householdUrl, ManualAssetRequest request) =>
        await (await client.PostAsync($"{householdUrl}/manual-assets", request)).ReadAsync<ManualAssetDto>(HttpStatusCode.Created);

    private static async Task<List<decimal>> NetWorthAsync(HttpClient client, string url, params string[] days)
    {
        var values = new List<decimal>();
        foreach (var day in days)
        {
            var series = await (await client.GetAsync($"{url}/net-worth?from={day}&to={day}&currency=USD")).ReadAsync<NetWorthDto>();
            values.Add(series.Points.Single().Value);
        }

        return values;
    }
}
