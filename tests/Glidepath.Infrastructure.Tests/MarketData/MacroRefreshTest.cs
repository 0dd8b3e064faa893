using System.Globalization;
using System.Text;
using Glidepath.Domain.MarketData;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Glidepath.Testing.MarketData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Infrastructure.Tests.MarketData;

/// <summary>
/// FRED series stored through <see cref="MacroRefresh"/> from a loopback stub speaking FRED's
/// observations XML (the layout of Samples/fred_series_observations_SP500.xml, FRED's documented
/// answer). CPI values: the all-items CPI of /work/shared/data/us_macro_monthly_1947_2004_sw.csv
/// (Stock and Watson, consistent with BLS CPI-U), 1994-12 to 2004-12; 3-month yields: the 2004
/// quarterly T-bill rates of us_macro_quarterly_1957_2005_sw.csv, on each quarter's last day.
/// </summary>
public sealed class MacroRefreshTest
{
    private static readonly (string Date, string Value)[] Yields2004 =
        [("2004-03-31", "0.94"), ("2004-06-30", "1.27"), ("2004-09-30", "1.65"), ("2004-12-24", "."), ("2004-12-31", "2.19")];

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Refresh_StoresBothSeries_ReRunAddsNothing_RevisionApplied_AndTheRatesFollow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var stub = await MarketDataStub.StartAsync();
        var cpi = Cpi();
        stub.Answer = request => (string?)request.Query["series_id"] switch
        {
            "CPIAUCSL" => StubAnswer.Ok(Observations(cpi), "text/xml"),
            "DGS3MO" => StubAnswer.Ok(Observations(Yields2004), "text/xml"),
            _ => new StubAnswer(400, """<?xml version="1.0" encoding="utf-8" ?><error code="400" message="Bad Request.  The series does not exist."/>""", "text/xml"),
        };
        await using var host = RefreshHost.Create(database, stub);

        var first = await host.RefreshMacroAsync();
        var again = await host.RefreshMacroAsync();
        cpi[^1] = ("2004-12-01", "191.3"); // FRED revises a value
        var revised = await host.RefreshMacroAsync(["cpiaucsl"]);

        Assert.Equal(
            [("CPIAUCSL", "added", 121, 0), ("DGS3MO", "added", 4, 0)],
            first.Series.Select(s => (s.SeriesId, s.Outcome, s.Added, s.Unchanged)));
        Assert.Equal(("1994-12-01", "2004-12-31"), ($"{first.Series[0].FirstDay:yyyy-MM-dd}", $"{first.Series[1].LastDay:yyyy-MM-dd}"));
        Assert.Equal([("CPIAUCSL", "unchanged", 0, 121), ("DGS3MO", "unchanged", 0, 4)], again.Series.Select(s => (s.SeriesId, s.Outcome, s.Added, s.Unchanged)));
        Assert.Equal(("added", 0, 1, 120), (revised.Series[0].Outcome, revised.Series[0].Added, revised.Series[0].Corrected, revised.Series[0].Unchanged));
        Assert.Contains("api_key=", Assert.Single(stub.Requests.Distinct(), r => r.Contains("DGS3MO", StringComparison.Ordinal)), StringComparison.Ordinal);

        await using var scope = database.CreateServices(s => s.AddSingleton(TimeProvider.System).AddScoped<MacroAssumptions>()).CreateAsyncScope();
        var rates = scope.ServiceProvider.GetRequiredService<MacroAssumptions>();
        // (191.3 / 150.1)^(1/10) − 1, from December 1994 to the revised December 2004.
        Assert.Equal(Math.Pow(191.3 / 150.1, 0.1) - 1, (await rates.InflationAsync(new DateOnly(2005, 1, 15), default))!.Value, 12);
        Assert.Null(await rates.InflationAsync(new DateOnly(2004, 6, 1), default)); // ten years back is before the series
        Assert.Equal((0.94 + 1.27 + 1.65 + 2.19) / 4 / 100, (await rates.RiskFreeAsync(new DateOnly(2004, 1, 1), new DateOnly(2004, 12, 31), default))!.Value, 12);
        Assert.Equal(0.0219, (await rates.RiskFreeAsync(new DateOnly(2005, 1, 3), new DateOnly(2005, 1, 7), default))!.Value, 12);
        Assert.Null(await rates.RiskFreeAsync(new DateOnly(2003, 1, 1), new DateOnly(2003, 12, 31), default));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Refresh_AnUnknownSeriesFailsAlone_WithFredsMessage_NothingStoredForIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = request => (string?)request.Query["series_id"] == "DGS3MO"
            ? StubAnswer.Ok(Observations(Yields2004), "text/xml")
            : new StubAnswer(400, """<?xml version="1.0" encoding="utf-8" ?><error code="400" message="Bad Request.  The series does not exist."/>""", "text/xml");
        await using var host = RefreshHost.Create(database, stub);

        var report = await host.RefreshMacroAsync(["NOSUCH", "DGS3MO", "bad id!"]);

        Assert.True(report.AnyFailed);
        Assert.Equal(["failed", "added", "failed"], report.Series.Select(s => s.Outcome));
        Assert.Contains("'BAD ID!' is not a FRED series id", report.Series[2].Reason, StringComparison.Ordinal);
        Assert.NotNull(report.Series[0].Reason);
        await using var db = database.CreateDbContext();
        Assert.Equal(["DGS3MO"], await db.MacroObservations.Select(o => o.SeriesId).Distinct().ToListAsync());
    }

    /// <summary>
    /// An open circuit fails at once and spends none of the request budget. With four requests a
    /// minute, the four failures that open the circuit spend the budget; the other series fail
    /// without waiting for a permit. (They once waited in the budget's queue: a dead provider held
    /// an admin refresh for minutes.)
    /// </summary>
    [Fact]
    public async Task Refresh_ProviderDown_OnceTheCircuitOpensTheRestFailAtOnce_WithoutWaitingForBudget()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = _ => new StubAnswer(500, "down");
        await using var host = RefreshHost.Create(database, stub, new()
        {
            ["MarketData:Providers:fred:MaxRetries"] = "0",
            ["MarketData:Providers:fred:RequestsPerMinute"] = "4",
        });

        // Well under the minute a fifth permit would take.
        using var soon = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var report = await host.RefreshMacroAsync(["S1", "S2", "S3", "S4", "S5", "S6", "S7"], soon.Token);

        Assert.Equal(4, stub.Requests.Count);
        Assert.All(report.Series, s => Assert.Equal("failed", s.Outcome));
        Assert.All(report.Series.Skip(4), s => Assert.Equal("The provider failed too often; its circuit is open, calls wait until it half-opens.", s.Reason));
    }

    private static List<(string Date, string Value)> Cpi() =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "MarketData", "Samples", "us_cpi_monthly_1994_2004.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Select(c => (c[0], c[1]))];

    /// <summary>FRED's observations XML, as in the documented sample.</summary>
    private static string Observations(IEnumerable<(string Date, string Value)> values)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="utf-8" ?>""").Append('\n')
            .Append("""<observations realtime_start="2026-12-06" realtime_end="2026-12-06" observation_start="1776-07-04" observation_end="9999-12-31" units="lin" output_type="1" file_type="xml" order_by="observation_date" sort_order="asc" count="0" offset="0" limit="100000">""").Append('\n');
        foreach (var (date, value) in values)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""  <observation realtime_start="2026-12-06" realtime_end="2026-12-06" date="{date}" value="{value}"/>""").Append('\n');
        }

        return xml.Append("</observations>").ToString();
    }
}
