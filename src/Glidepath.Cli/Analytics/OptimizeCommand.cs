using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Glidepath.Quant.Covariance;
using Glidepath.Quant.Optimization;

namespace Glidepath.Cli.Analytics;

/// <summary>
/// <c>glidepath optimize --data FILE.csv ...</c>: portfolio weights from a returns or prices
/// file. Without --periods-per-year everything (μ, Σ, --risk-free, --target) is periodic; with it
/// μ and Σ are annualised (× N) and --risk-free and --target are annual.
/// </summary>
public static class OptimizeCommand
{
    public static Command Create()
    {
        var data = new Option<FileInfo>("--data") { Description = "CSV with a Date column and one column per asset", Required = true };
        var input = new Option<string>("--input") { Description = "returns or prices", DefaultValueFactory = _ => "returns" };
        input.AcceptOnlyFromAmong("returns", "prices");
        var objective = new Option<string>("--objective") { Description = "what to optimise", Required = true };
        objective.AcceptOnlyFromAmong("min-variance", "max-sharpe", "target-return", "target-volatility", "risk-parity", "frontier");
        var riskFree = new Option<double>("--risk-free") { Description = "risk-free rate" };
        var target = new Option<double?>("--target") { Description = "target return or volatility" };
        var minWeight = new Option<double>("--min-weight") { Description = "lower bound on every weight", DefaultValueFactory = _ => 0.0 };
        var maxWeight = new Option<double>("--max-weight") { Description = "upper bound on every weight", DefaultValueFactory = _ => 1.0 };
        var cov = new Option<string>("--cov") { Description = "covariance estimator", DefaultValueFactory = _ => "sample" };
        cov.AcceptOnlyFromAmong("sample", "ewma", "ledoit-wolf-cc", "ledoit-wolf-identity");
        var points = new Option<int>("--points") { Description = "frontier points", DefaultValueFactory = _ => 20 };
        var periods = new Option<int?>("--periods-per-year") { Description = "annualise with this many periods a year" };
        var json = new Option<bool>("--json") { Description = "write JSON" };

        var command = new Command("optimize", "Optimise portfolio weights (mean-variance or risk parity).")
        {
            data, input, objective, riskFree, target, minWeight, maxWeight, cov, points, periods, json,
        };
        command.SetAction(parse =>
        {
            var table = AssetTable.Read(parse.GetValue(data)!, parse.GetValue(input)!);
            var returns = table.Matrix();
            var scale = parse.GetValue(periods) ?? 1;
            var sigma = Estimate(parse.GetValue(cov)!, returns);
            var mu = new double[table.Names.Length];
            for (var j = 0; j < mu.Length; j++)
            {
                mu[j] = table.Columns[j].Average() * scale;
                for (var k = 0; k < mu.Length; k++)
                {
                    sigma[j, k] *= scale;
                }
            }

            var constraints = new PortfolioConstraints
            {
                AssetNames = table.Names,
                DefaultMin = parse.GetValue(minWeight),
                DefaultMax = parse.GetValue(maxWeight),
            };
            var rf = parse.GetValue(riskFree);
            var goal = parse.GetValue(target);
            IReadOnlyList<PortfolioResult> results = parse.GetValue(objective) switch
            {
                "min-variance" => [PortfolioOptimizer.MinimumVariance(sigma, constraints, mu)],
                "max-sharpe" => [PortfolioOptimizer.MaximumSharpe(sigma, mu, rf, constraints)],
                "target-return" => [PortfolioOptimizer.TargetReturn(sigma, mu, goal ?? throw Missing(), constraints)],
                "target-volatility" => [PortfolioOptimizer.TargetVolatility(sigma, mu, goal ?? throw Missing(), constraints)],
                "risk-parity" => [RiskParity.Solve(sigma, expectedReturns: mu)],
                _ => PortfolioOptimizer.EfficientFrontier(sigma, mu, parse.GetValue(points), constraints),
            };

            var output = parse.InvocationConfiguration.Output;
            var failed = results.FirstOrDefault(r => !r.IsOptimal);
            if (failed is not null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"{failed.Status}: {failed.Message}");
                return 2;
            }

            var rows = results.Select(r => new
            {
                weights = table.Names.Zip(r.Weights).ToDictionary(p => p.First, p => p.Second),
                expectedReturn = r.ExpectedReturn,
                volatility = r.Volatility,
                sharpe = (r.ExpectedReturn - rf) / r.Volatility,
            }).ToArray();
            if (parse.GetValue(json))
            {
                output.WriteLine(rows.Length == 1 && parse.GetValue(objective) != "frontier"
                    ? JsonSerializer.Serialize(rows[0], JsonOptions)
                    : JsonSerializer.Serialize(rows, JsonOptions));
                return 0;
            }

            foreach (var row in rows)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"return {row.expectedReturn:0.######}  volatility {row.volatility:0.######}  sharpe {row.sharpe:0.####}"));
                foreach (var (name, w) in row.weights.Where(p => Math.Abs(p.Value) > 5e-7))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-12} {w,10:0.000000}"));
                }
            }

            return 0;
        });
        return command;
    }

    internal static JsonSerializerOptions JsonOptions { get; } = new() { WriteIndented = true };

    private static double[,] Estimate(string method, double[,] returns) => method switch
    {
        "ewma" => EwmaCovariance.Compute(returns),
        "ledoit-wolf-cc" => LedoitWolf.ConstantCorrelation(returns).Covariance,
        "ledoit-wolf-identity" => LedoitWolf.ScaledIdentity(returns).Covariance,
        _ => SampleCovariance.Compute(returns),
    };

    private static ArgumentException Missing() => new("--target is required for this objective.");
}
