using System.Net;
using Glidepath.Application.Performance;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.MarketData;
using Glidepath.Server.Performance;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Application.Transactions;
using Glidepath.Testing.Databases;
using Glidepath.Testing.MarketData;
using static Glidepath.Server.Tests.Hosting.Fixtures;

namespace Glidepath.Server.Tests.MarketData;

/// <summary>
/// <c>POST /api/admin/macro/refresh</c> against a stub in FRED's XML layout, and the Sharpe ratio's
/// risk-free rate taken from the stored DGS3MO when the request names none. Yields: the 1999
/// quarterly 3-month T-bill rates of /work/shared/data/us_macro_quarterly_1957_2005_sw.csv.
/// </summary>
public sealed class MacroEndpointsTest
{
    private const string Dgs3mo = """
        <?xml version="1.0" encoding="utf-8" ?>
        <observations realtime_start="2026-12-06" realtime_end="2026-12-06" observation_start="1776-07-04" observation_end="9999-12-31" units="lin" output_type="1" file_type="xml" order_by="observation_date" sort_order="asc" count="4" offset="0" limit="100000">
          <observation realtime_start="2026-12-06" realtime_end="2026-12-06" date="1999-01-04" value="4.44"/>
          <observation realtime_start="2026-12-06" realtime_end="2026-12-06" date="1999-04-01" value="4.57"/>
          <observation realtime_start="2026-12-06" realtime_end="2026-12-06" date="1999-07-01" value="4.68"/>
          <observation realtime_start="2026-12-06" realtime_end="2026-12-06" date="1999-10-01" value="5.20"/>
        </observations>
        """;

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task MacroRefresh_StoresDgs3mo_SharpeUsesItWhenNoRateIsGiven(DatabaseProvider provider)
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = request => request.Query["series_id"] == "DGS3MO"
            ? StubAnswer.Ok(Dgs3mo, "text/xml")
            : new StubAnswer(400, """<?xml version="1.0" encoding="utf-8" ?><error code="400" message="Bad Request.  The series does not exist."/>""", "text/xml");
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["MarketData:Providers:fred:BaseUrl"] = stub.BaseUrl });
        var admin = await app.CreateOperatorClientAsync();
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        var brokerage = await client.AccountAsync(household.Id);
        var msft = await app.MsftAsync();
        await (await client.PostAsync($"{url}/transactions/batch", new TransactionBatchRequest([
            Deposit(brokerage.Id, new DateOnly(1999, 1, 4), 7_050m),
            Buy(brokerage.Id, msft.Id, new DateOnly(1999, 1, 4), 100m, 70.50m),
        ]))).ReadAsync<TransactionBatchResult>(HttpStatusCode.Created);
        var performance = $"{url}/performance?from=1999-01-05&to=1999-12-31";
        var before = await (await client.GetAsync(performance)).ReadAsync<PerformanceDto>();

        var report = await (await admin.PostAsync("/api/admin/macro/refresh", new MacroRefreshBody(null))).ReadAsync<MacroRefreshReport>();
        var after = await (await client.GetAsync(performance)).ReadAsync<PerformanceDto>();
        var mean = (4.57 + 4.68 + 5.20) / 3 / 100; // the yields inside the range (4 January is before it)
        var explicitRate = await (await client.GetAsync($"{performance}&riskFree={mean}")).ReadAsync<PerformanceDto>();

        Assert.Equal((0.0, "none"), (before.RiskFreeRate, before.RiskFreeSource));
        Assert.Equal([("CPIAUCSL", "failed"), ("DGS3MO", "added")], report.Series.Select(s => (s.SeriesId, s.Outcome)));
        Assert.Equal("DGS3MO", after.RiskFreeSource);
        Assert.Equal(mean, after.RiskFreeRate, 12);
        Assert.Equal(explicitRate.Risk.Sharpe, after.Risk.Sharpe);
        Assert.NotEqual(before.Risk.Sharpe, after.Risk.Sharpe);
        Assert.Equal("query", explicitRate.RiskFreeSource);

        await (await admin.PostAsync("/api/admin/macro/refresh", new MacroRefreshBody(["bad id!"]))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/admin/macro/refresh", new MacroRefreshBody(null))).StatusCode);
    }
}
