using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Glidepath.Cli.Hosting;
using Glidepath.Domain.Portfolios;

namespace Glidepath.Cli.Analytics;

/// <summary>
/// <c>glidepath optimize --data FILE.csv ...</c>: portfolio weights from a returns or prices
/// file, through the same Domain call as <c>POST /api/optimize</c> (<see cref="PortfolioOptimization"/>).
/// Without --periods-per-year everything (μ, Σ, --risk-free, --target) is periodic; with it μ and Σ
/// are annualised (× N) and --risk-free and --target are annual. Exit 1 when the constraints
/// conflict (the line names them) or the objective is out of reach; 2 for a wrong command line.
/// </summary>
public static class OptimizeCommand
{
    public static Command Create()
    {
        var data = new Option<FileInfo>("--data") { Description = "CSV with a Date column and one column per asset", Required = true };
        var input = new Option<string>("--input") { Description = "returns or prices", DefaultValueFactory = _ => "returns" };
        input.AcceptOnlyFromAmong("returns", "prices");
        var objective = new Option<string>("--objective") { Description = "what to optimise", Required = true };
        objective.AcceptOnlyFromAmong([.. OptimizationSpec.Objectives]);
        var riskFree = new Option<double>("--risk-free") { Description = "risk-free rate" };
        var target = new Option<double?>("--target") { Description = "target return or volatility" };
        var minWeight = new Option<double>("--min-weight") { Description = "lower bound on every weight", DefaultValueFactory = _ => 0.0 };
        var maxWeight = new Option<double>("--max-weight") { Description = "upper bound on every weight", DefaultValueFactory = _ => 1.0 };
        var cov = new Option<string>("--cov") { Description = "covariance estimator", DefaultValueFactory = _ => "sample" };
        cov.AcceptOnlyFromAmong([.. OptimizationSpec.CovarianceMethods]);
        var points = new Option<int>("--points") { Description = "frontier points", DefaultValueFactory = _ => 20 };
        var periods = new Option<int?>("--periods-per-year") { Description = "annualise with this many periods a year" };
        var json = new Option<bool>("--json") { Description = "write JSON" };

        var command = new Command("optimize", "Optimise portfolio weights (mean-variance or risk parity).")
        {
            data, input, objective, riskFree, target, minWeight, maxWeight, cov, points, periods, json,
        };
        command.SetAction(parse => AnalyticsAction.Run(parse, () =>
        {
            var table = AssetTable.Read(parse.GetValue(data)!, parse.GetValue(input)!);
            var spec = new OptimizationSpec
            {
                Objective = parse.GetValue(objective)!,
                Covariance = parse.GetValue(cov)!,
                RiskFree = parse.GetValue(riskFree),
                Target = parse.GetValue(target),
                MinWeight = parse.GetValue(minWeight),
                MaxWeight = parse.GetValue(maxWeight),
                Points = parse.GetValue(points),
                PeriodsPerYear = parse.GetValue(periods),
            };
            var outcome = PortfolioOptimization.Run(table.Names, table.Matrix(), spec);
            if (outcome.Failure is { } failure)
            {
                // A wrong option is a usage error; bad data, conflicting constraints or an unreachable goal are failures.
                var usage = failure.Code == OptimizationFailure.InvalidInput && failure.Field is not ("assets" or "returns");
                var option = failure.Field is { } field && usage ? $"--{Kebab(field)}: " : "";
                return AnalyticsAction.Fail(parse, usage ? ExitCodes.Usage : ExitCodes.Failure, $"{failure.Code}: {option}{failure.Message}");
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(outcome.Portfolios.Count == 1 && spec.Objective != "frontier"
                    ? JsonSerializer.Serialize(outcome.Portfolios[0], JsonOptions)
                    : JsonSerializer.Serialize(outcome.Portfolios, JsonOptions));
                return ExitCodes.Success;
            }

            foreach (var row in outcome.Portfolios)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"return {row.ExpectedReturn:0.######}  volatility {row.Volatility:0.######}  sharpe {row.Sharpe:0.####}"));
                foreach (var (name, w) in row.Weights.Where(p => Math.Abs(p.Value) > 5e-7))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-12} {w,10:0.000000}"));
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>camelCase JSON, the same names as the API's.</summary>
    internal static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static string Kebab(string field) => field == "periodsPerYear" ? "periods-per-year" : field == "covariance" ? "cov" : field;
}
