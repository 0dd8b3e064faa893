using System.Net;
using System.Text;
using Glidepath.Application.Fx;
using Glidepath.Application.Households;
using Glidepath.Application.ManualAssets;
using Glidepath.Domain.ManualAssets;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Fx;
using Glidepath.Server.Households;
using Glidepath.Server.Imports;
using Glidepath.Server.ManualAssets;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Valuation;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Fx;

public class FxRateEndpointsTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SwitchingReportingCurrency_WithoutRates_IsRefusedNamingThePair_ThenWorksOnceTheHouseholdImportsThem(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        await (await client.PostAsync($"{url}/manual-assets", new ManualAssetRequest("Flat in Lyon", ManualAssetKind.Asset, ManualAssetCategory.RealEstate, "EUR", 100_000m, new DateOnly(2020, 1, 2))))
            .ReadAsync<ManualAssetDto>(HttpStatusCode.Created);

        var coverage = await (await client.GetAsync($"{url}/fx-rates/missing?currency=GBP")).ReadAsync<FxCoverageDto>();
        Assert.Equal([("EUR/GBP", new DateOnly(2020, 1, 2))], coverage.Missing.Select(m => (m.Pair, m.From)));
        var refused = await (await client.PutAsync(url, new UpdateHouseholdRequest(household.Name, "GBP", household.Version)))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "missing-fx-rate");
        Assert.Equal(["EUR/GBP"], refused.GetProperty("missingPairs").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("EUR/GBP on or before 2020-01-02", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("USD", (await (await client.GetAsync(url)).ReadAsync<HouseholdDto>()).ReportingCurrency);

        // ECB closes of 2 January 2020; EUR/GBP then goes through USD.
        var imported = await (await client.PostAsync($"{url}/fx-rates/import", Csv("Date,Base,Quote,Rate\n2020-01-02,EUR,USD,1.1193\n2020-01-02,GBP,USD,1.3153")))
            .ReadAsync<ImportResultDto>();
        Assert.Equal(2, imported.Imported);
        Assert.Empty((await (await client.GetAsync($"{url}/fx-rates/missing?currency=GBP")).ReadAsync<FxCoverageDto>()).Missing);
        var switched = await (await client.PutAsync(url, new UpdateHouseholdRequest(household.Name, "GBP", household.Version))).ReadAsync<HouseholdDto>();
        Assert.Equal("GBP", switched.ReportingCurrency);
        var valuation = await (await client.GetAsync($"{url}/valuation?date=2020-01-03")).ReadAsync<ValuationDto>();
        Assert.Equal(("GBP", Math.Round(100_000m * 1.1193m / 1.3153m, 2)), (valuation.Currency, valuation.NetWorth));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task HouseholdRates_WinOverSharedOnesForThatHouseholdOnly_AndOnlyAnAdminWritesSharedRates(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var owner = app.CreateClient();
        var household = await owner.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        var neighbour = app.CreateClient(await app.CreateUserAsync());
        var other = await neighbour.HouseholdAsync();
        foreach (var (client, id) in new[] { (owner, household.Id), (neighbour, other.Id) })
        {
            await (await client.PostAsync($"/api/households/{id}/manual-assets", new ManualAssetRequest("Car", ManualAssetKind.Asset, ManualAssetCategory.Vehicle, "EUR", 10_000m, new DateOnly(2024, 1, 2))))
                .ReadAsync<ManualAssetDto>(HttpStatusCode.Created);
        }

        const string shared = "Date,Base,Quote,Rate\n2024-01-02,EUR,USD,1.0956";
        await (await owner.PostAsync("/api/admin/fx-rates/import", Csv(shared))).ReadProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var admin = app.CreateClient(await app.CreateUserAsync(roles: [Roles.Admin]));
        Assert.Equal(1, (await (await admin.PostAsync("/api/admin/fx-rates/import", Csv(shared))).ReadAsync<ImportResultDto>()).Imported);

        var own = await (await owner.PutAsync($"{url}/fx-rates", new FxRateRequest(new DateOnly(2024, 1, 2), "eur", "USD", 1.10m))).ReadAsync<FxRateDto>();
        Assert.Equal(new FxRateDto(new DateOnly(2024, 1, 2), "EUR", "USD", 1.10m), own);
        await (await owner.PutAsync($"{url}/fx-rates", new FxRateRequest(new DateOnly(2024, 1, 2), "EUR", "USD", 1.11m))).ReadAsync<FxRateDto>();
        Assert.Equal([1.11m], (await (await owner.GetAsync($"{url}/fx-rates")).ReadAsync<List<FxRateDto>>()).Select(r => r.Rate));

        Assert.Equal(11_100m, (await (await owner.GetAsync($"{url}/valuation?date=2024-01-03")).ReadAsync<ValuationDto>()).NetWorth);
        Assert.Equal(10_956m, (await (await neighbour.GetAsync($"/api/households/{other.Id}/valuation?date=2024-01-03")).ReadAsync<ValuationDto>()).NetWorth);
        await (await neighbour.GetAsync($"{url}/fx-rates")).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"{url}/fx-rates/EUR/USD/2024-01-02")).StatusCode);
        Assert.Equal(10_956m, (await (await owner.GetAsync($"{url}/valuation?date=2024-01-03")).ReadAsync<ValuationDto>()).NetWorth);
        await (await owner.DeleteAsync($"{url}/fx-rates/EUR/USD/2024-01-02")).ReadProblemAsync(HttpStatusCode.NotFound, "fx-rate-not-found");
        await using var db = app.CreateDbContext();
        Assert.Contains(db.AuditEvents, e => e.Type == "shared-fx-rates-imported");
    }

    [Fact]
    public async Task BadRatesAndFiles_AreProblems()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}/fx-rates";

        var bad = await (await client.PutAsync(url, new FxRateRequest(null, "EUR", "EUR", 0m))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(["date", "quote", "rate"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var rejected = await (await client.PostAsync($"{url}/import", Csv("Date,Base,Quote,Rate\n2024-01-02,EUR,USD,abc"))).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "import-rejected");
        var item = rejected.GetProperty("errors")[0];
        Assert.Equal((2, "Rate"), (item.GetProperty("row").GetInt32(), item.GetProperty("column").GetString()));
        await (await client.GetAsync($"{url}/missing?currency=XYZ")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");
}
