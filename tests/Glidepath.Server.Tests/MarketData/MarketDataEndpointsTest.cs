using System.Net;
using Glidepath.Domain.Instruments;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Application.Instruments;
using Glidepath.Server.Instruments;
using Glidepath.Server.MarketData;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Glidepath.Testing.MarketData;

namespace Glidepath.Server.Tests.MarketData;

/// <summary>The operator's market-data routes against a stub speaking Stooq's format (MSFT's real closes).</summary>
public sealed class MarketDataEndpointsTest
{
    private static readonly string StooqMsft =
        "Date" + File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MarketData", "msft_daily_ohlcv.csv"))["date".Length..];

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Operator_MapsAndRefreshes_ClosesStoredAndProviderHealthy_UserRefused(DatabaseProvider provider)
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = request => request.Query["s"] == "microsoft.us" ? StubAnswer.Ok(StooqMsft) : StubAnswer.Ok("No data");
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["MarketData:Providers:stooq:BaseUrl"] = stub.BaseUrl });
        var admin = await app.CreateOperatorClientAsync();
        var msft = await (await admin.PostAsync("/api/instruments", new InstrumentRequest("MSFT", "Microsoft", InstrumentType.Stock, AssetClass.UsEquity, "USD", "NASDAQ", null)))
            .ReadAsync<InstrumentDto>(HttpStatusCode.Created);

        var mapping = await (await admin.PutAsync($"/api/admin/instruments/{msft.Id}/market-data", new MarketDataMappingRequest("stooq", "microsoft.us"))).ReadAsync<MarketDataMappingDto>();
        var report = await (await admin.PostAsync("/api/admin/prices/refresh", new PriceRefreshBody(null, null, new DateOnly(2000, 1, 1)))).ReadAsync<PriceRefreshReport>();
        var providers = await (await admin.GetAsync("/api/admin/market-data/providers")).ReadAsync<List<ProviderStatusDto>>();

        Assert.Equal(("stooq", "microsoft.us"), (mapping.EffectiveProvider, mapping.EffectiveSymbol));
        var row = Assert.Single(report.Symbols);
        Assert.Equal(("MSFT", "added", 249), (row.Symbol, row.Outcome, row.Added));
        var closes = await (await admin.GetAsync($"/api/instruments/{msft.Id}/prices")).ReadAsync<List<PriceDto>>();
        Assert.Equal(new PriceDto(new DateOnly(2000, 9, 27), 60.625m), closes[0]);
        var stooq = providers.Single(p => p.Name == "stooq");
        Assert.Equal(("closed", null), (stooq.Circuit, stooq.LastError));
        Assert.NotNull(stooq.LastSuccessUtc);

        var user = app.CreateClient(await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsync("/api/admin/prices/refresh", new PriceRefreshBody(null, null, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PutAsync($"/api/admin/instruments/{msft.Id}/market-data", new MarketDataMappingRequest(null, null))).StatusCode);
    }

    [Fact]
    public async Task FxRefresh_ProviderDown_ReportedAsFailedNot5xx_AndBadInput400()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.CreateOperatorClientAsync();

        var down = await (await admin.PostAsync("/api/admin/fx/refresh", new FxRefreshBody("ecb", new DateOnly(2017, 3, 1)))).ReadAsync<FxRefreshReport>();
        await (await admin.PostAsync("/api/admin/fx/refresh", new FxRefreshBody("nope", null))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await admin.PutAsync($"/api/admin/instruments/{Guid.NewGuid()}/market-data", new MarketDataMappingRequest("stooq", null))).ReadProblemAsync(HttpStatusCode.NotFound, "instrument-not-found");
        await (await admin.PutAsync($"/api/admin/instruments/{Guid.NewGuid()}/market-data", new MarketDataMappingRequest("bloomberg", new string('x', 65)))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var search = await (await admin.GetAsync("/api/admin/market-data/providers/alphavantage/search?q=micro")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "provider-failed");

        Assert.Equal("failed", down.Outcome);
        Assert.StartsWith("The provider could not be reached", down.Reason, StringComparison.Ordinal);
        Assert.Contains("could not be reached", search.ToString(), StringComparison.Ordinal);
    }
}
