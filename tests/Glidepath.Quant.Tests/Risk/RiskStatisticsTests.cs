using System.Globalization;
using System.Text.Json;
using Glidepath.Quant.Performance;
using Glidepath.Quant.Risk;
using Glidepath.Quant.Tests.Fixtures;

namespace Glidepath.Quant.Tests.Risk;

// Reference values from numpy/scipy on real series (Fixtures/make_returns.py): BKE against the
// small-cap MARKET index (monthly, risk-free = mean T-bill rate) and the Pictet LPP40 benchmark
// against the SPI (daily log returns converted to simple returns).
public class RiskStatisticsTests
{
    public static TheoryData<string> Cases => new() { "smallcapBKE", "lppLPP40" };

    private static (double[] R, double[] B, JsonElement E) Load(string name)
    {
        var e = Fixture.Json("returns.json").GetProperty(name);
        var asset = e.GetProperty("asset").GetString()!;
        var benchmark = e.GetProperty("benchmark").GetString()!;
        if (name == "smallcapBKE")
        {
            var t = Fixture.Csv("smallcap_monthly_returns.csv");
            return (t.Columns[asset], t.Columns[benchmark], e);
        }

        var l = Fixture.Csv("lpp2005_daily_logreturns.csv");
        return (PeriodReturns.FromLogReturns(l.Columns[asset]), PeriodReturns.FromLogReturns(l.Columns[benchmark]), e);
    }

    private static double D(JsonElement e, string name) => e.GetProperty(name).GetDouble();

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReturnAndRisk_RealSeries_MatchNumpy(string name)
    {
        var (r, _, e) = Load(name);
        double rf = D(e, "riskFree"), target = D(e, "target"), ppy = D(e, "periodsPerYear");

        Tolerance.Close(D(e, "cumulative"), PeriodReturns.Cumulative(r), what: "cumulative");
        Tolerance.Close(D(e, "annualised"), PeriodReturns.Annualised(r, ppy), what: "annualised");
        Tolerance.Close(D(e, "volatility"), RiskStatistics.Volatility(r, ppy), what: "volatility");
        Tolerance.Close(D(e, "sharpe"), RiskStatistics.Sharpe(r, rf, ppy), rel: 1e-11, what: "sharpe");
        Tolerance.Close(D(e, "downsideDeviation"), RiskStatistics.DownsideDeviation(r, target), what: "downside deviation");
        Tolerance.Close(D(e, "sortino"), RiskStatistics.Sortino(r, target, ppy), rel: 1e-11, what: "sortino");
        Tolerance.Close(D(e, "calmar"), RiskStatistics.Calmar(r, ppy), what: "calmar");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MaxDrawdown_RealSeries_MatchesNumpyDepthAndDates(string name)
    {
        var (r, _, e) = Load(name);

        var dd = RiskStatistics.MaxDrawdownOfReturns(r);

        Tolerance.Close(D(e, "maxDrawdown"), dd.Depth);
        Assert.Equal(e.GetProperty("peakIndex").GetInt32(), dd.PeakIndex);
        Assert.Equal(e.GetProperty("troughIndex").GetInt32(), dd.TroughIndex);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValueAtRisk_RealSeries_MatchesNumpyAndScipy(string name)
    {
        var (r, _, e) = Load(name);
        foreach (var c in new[] { 0.95, 0.99 })
        {
            var v = e.GetProperty("var").GetProperty(c.ToString("0.0#", CultureInfo.InvariantCulture));
            Tolerance.Close(D(v, "historicalVar"), ValueAtRisk.Historical(r, c), what: $"historical VaR {c}");
            Tolerance.Close(D(v, "historicalCvar"), ValueAtRisk.HistoricalConditional(r, c), what: $"historical CVaR {c}");
            Tolerance.Close(D(v, "parametricVar"), ValueAtRisk.Parametric(r, c), rel: 1e-11, what: $"parametric VaR {c}");
            Tolerance.Close(D(v, "parametricCvar"), ValueAtRisk.ParametricConditional(r, c), rel: 1e-11, what: $"parametric CVaR {c}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BenchmarkStatistics_RealSeries_MatchNumpy(string name)
    {
        var (r, b, e) = Load(name);
        double rf = D(e, "riskFree"), ppy = D(e, "periodsPerYear");

        Tolerance.Close(D(e, "beta"), BenchmarkStatistics.Beta(r, b), what: "beta");
        Tolerance.Close(D(e, "alpha"), BenchmarkStatistics.Alpha(r, b, rf, ppy), rel: 1e-11, what: "alpha");
        Tolerance.Close(D(e, "trackingError"), BenchmarkStatistics.TrackingError(r, b, ppy), what: "tracking error");
        Tolerance.Close(D(e, "informationRatio"), BenchmarkStatistics.InformationRatio(r, b, ppy), rel: 1e-11, what: "information ratio");
    }

    [Fact]
    public void MaxDrawdown_RisingSeries_IsZero()
    {
        Assert.Equal(new Drawdown(0, 0, 0), RiskStatistics.MaxDrawdown([1, 2, 3]));
    }

    [Fact]
    public void MaxDrawdown_KnownPath_FindsPeakAndTrough()
    {
        var dd = RiskStatistics.MaxDrawdown([100, 120, 90, 110, 60, 130]);

        Tolerance.Close(0.5, dd.Depth, rel: 1e-15);
        Assert.Equal((1, 4), (dd.PeakIndex, dd.TroughIndex));
    }
}
