using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Glidepath.Quant.Performance;
using Glidepath.Quant.Risk;

namespace Glidepath.Cli.Analytics;

/// <summary>
/// <c>glidepath stats --data FILE.csv ...</c>: return and risk statistics of every column.
/// --risk-free is per period without --periods-per-year and annual with it (divided by N per
/// period); the Sortino target is the risk-free rate. VaR and CVaR are one-period, 95 %.
/// </summary>
public static class StatsCommand
{
    public static Command Create()
    {
        var data = new Option<FileInfo>("--data") { Description = "CSV with a Date column and one column per series", Required = true };
        var input = new Option<string>("--input") { Description = "returns or prices", DefaultValueFactory = _ => "returns" };
        input.AcceptOnlyFromAmong("returns", "prices");
        var benchmark = new Option<string?>("--benchmark") { Description = "column to use as the benchmark" };
        var riskFree = new Option<double>("--risk-free") { Description = "risk-free rate" };
        var periods = new Option<int?>("--periods-per-year") { Description = "annualise with this many periods a year" };
        var json = new Option<bool>("--json") { Description = "write JSON" };

        var command = new Command("stats", "Return and risk statistics of return or price series.")
        {
            data, input, benchmark, riskFree, periods, json,
        };
        command.SetAction(parse => AnalyticsAction.Run(parse, () =>
        {
            var table = AssetTable.Read(parse.GetValue(data)!, parse.GetValue(input)!);
            var p = parse.GetValue(periods) ?? 1;
            var rf = parse.GetValue(riskFree) / p;
            var benchName = parse.GetValue(benchmark);
            var b = benchName is null ? null : table.Column(benchName);
            var stats = table.Names.ToDictionary(name => name, name =>
            {
                var r = table.Column(name);
                var dd = RiskStatistics.MaxDrawdownOfReturns(r);
                var s = new Dictionary<string, object>
                {
                    ["cumulativeReturn"] = PeriodReturns.Cumulative(r),
                    ["annualisedReturn"] = PeriodReturns.Annualised(r, p),
                    ["volatility"] = RiskStatistics.Volatility(r, p),
                    ["sharpe"] = RiskStatistics.Sharpe(r, rf, p),
                    ["sortino"] = RiskStatistics.Sortino(r, rf, p),
                    ["maxDrawdown"] = dd.Depth,
                    // Wealth index 0 is the value before the first return, i.e. at the first date's close
                    // minus one period; date t is reported for index t + 1.
                    ["drawdownPeak"] = dd.PeakIndex == 0 ? "start" : table.Dates[dd.PeakIndex - 1],
                    ["drawdownTrough"] = dd.TroughIndex == 0 ? "start" : table.Dates[dd.TroughIndex - 1],
                    ["calmar"] = RiskStatistics.Calmar(r, p),
                    ["historicalVar95"] = ValueAtRisk.Historical(r, 0.95),
                    ["historicalCvar95"] = ValueAtRisk.HistoricalConditional(r, 0.95),
                    ["parametricVar95"] = ValueAtRisk.Parametric(r, 0.95),
                    ["parametricCvar95"] = ValueAtRisk.ParametricConditional(r, 0.95),
                };
                if (b is not null && name != benchName)
                {
                    s["beta"] = BenchmarkStatistics.Beta(r, b);
                    s["alpha"] = BenchmarkStatistics.Alpha(r, b, rf, p);
                    s["trackingError"] = BenchmarkStatistics.TrackingError(r, b, p);
                    s["informationRatio"] = BenchmarkStatistics.InformationRatio(r, b, p);
                }

                // JSON has no NaN or infinity (a Sortino ratio with no downside): undefined figures are null.
                return s.ToDictionary(e => e.Key, e => e.Value is double x ? AnalyticsAction.Finite(x) : e.Value);
            });

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(stats, OptimizeCommand.JsonOptions));
                return 0;
            }

            foreach (var (name, s) in stats)
            {
                output.WriteLine(name);
                foreach (var (key, value) in s)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key,-18} {(value is double d ? d.ToString("0.######", CultureInfo.InvariantCulture) : value ?? "n/a")}"));
                }
            }

            return 0;
        }));
        return command;
    }
}
