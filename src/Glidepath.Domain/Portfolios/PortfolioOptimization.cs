using Glidepath.Quant.Covariance;
using Glidepath.Quant.Optimization;

namespace Glidepath.Domain.Portfolios;

/// <summary>
/// The one path from a returns table and an <see cref="OptimizationSpec"/> to optimised weights,
/// shared by <c>glidepath optimize</c> and <c>POST /api/optimize</c>: estimates μ (historical
/// mean) and Σ (the chosen estimator), annualises when asked, builds the constraints and calls
/// Glidepath.Quant's optimisers.
/// </summary>
public static class PortfolioOptimization
{
    /// <param name="names">Asset names, one per column of <paramref name="returns"/>.</param>
    /// <param name="returns">Simple periodic returns: rows are periods, columns assets; complete.</param>
    public static OptimizationOutcome Run(IReadOnlyList<string> names, double[,] returns, OptimizationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(spec);
        int periods = returns.GetLength(0), n = returns.GetLength(1);
        var invalid = Validate(names, returns, spec);
        if (invalid is not null)
        {
            return new OptimizationOutcome([], invalid);
        }

        var scale = spec.PeriodsPerYear ?? 1;
        var sigma = Estimate(spec.Covariance, returns);
        var mu = new double[n];
        for (var j = 0; j < n; j++)
        {
            for (var t = 0; t < periods; t++)
            {
                mu[j] += returns[t, j];
            }

            mu[j] = mu[j] / periods * scale;
            for (var k = 0; k < n; k++)
            {
                sigma[j, k] *= scale;
            }
        }

        // Finite returns can still overflow: [[1e308, -1e308], …] has an infinite variance.
        if (mu.Any(m => !double.IsFinite(m)) || sigma.Cast<double>().Any(s => !double.IsFinite(s)))
        {
            return new OptimizationOutcome([], new OptimizationFailure(
                OptimizationFailure.InvalidInput, "The returns are too large: their mean or covariance is not a finite number.", [], "returns"));
        }

        var index = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var constraints = new PortfolioConstraints
        {
            AssetNames = [.. names],
            DefaultMin = spec.MinWeight,
            DefaultMax = spec.MaxWeight,
            MinWeights = spec.Bounds is null ? null : [.. names.Select(a => spec.Bounds.GetValueOrDefault(a)?.Min ?? spec.MinWeight)],
            MaxWeights = spec.Bounds is null ? null : [.. names.Select(a => spec.Bounds.GetValueOrDefault(a)?.Max ?? spec.MaxWeight)],
            Groups = [.. spec.Groups.Select(g => new GroupConstraint(g.Name, [.. g.Members.Select(m => index[m])], g.Min, g.Max))],
        };
        var rf = spec.RiskFree;
        IReadOnlyList<PortfolioResult> results = spec.Objective switch
        {
            "min-variance" => [PortfolioOptimizer.MinimumVariance(sigma, constraints, mu)],
            "max-sharpe" => [PortfolioOptimizer.MaximumSharpe(sigma, mu, rf, constraints)],
            "target-return" => [PortfolioOptimizer.TargetReturn(sigma, mu, spec.Target!.Value, constraints)],
            "target-volatility" => [PortfolioOptimizer.TargetVolatility(sigma, mu, spec.Target!.Value, constraints)],
            "risk-parity" => [RiskParity.Solve(sigma, expectedReturns: mu)],
            _ => PortfolioOptimizer.EfficientFrontier(sigma, mu, spec.Points, constraints),
        };

        if (results.FirstOrDefault(r => !r.IsOptimal) is { } failed)
        {
            var code = failed.Status switch
            {
                PortfolioStatus.Infeasible => OptimizationFailure.Infeasible,
                PortfolioStatus.Unattainable => OptimizationFailure.Unattainable,
                _ => OptimizationFailure.NotConverged,
            };
            return new OptimizationOutcome([], new OptimizationFailure(code, failed.Message ?? failed.Status.ToString(), failed.ConflictingConstraints));
        }

        return new OptimizationOutcome(
            [.. results.Select(r => new OptimizedPortfolio(
                names.Zip(r.Weights).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal),
                r.ExpectedReturn,
                r.Volatility,
                (r.ExpectedReturn - rf) / r.Volatility))],
            null,
            [.. spec.Evaluate.Select(e => Evaluate(e, index, mu, sigma, rf))]);
    }

    /// <summary>μᵀw plus the uninvested rest at r_f, and √(wᵀΣw): the optimiser's own figures for a given mix.</summary>
    private static EvaluatedPortfolio Evaluate(PortfolioToEvaluate portfolio, Dictionary<string, int> index, double[] mu, double[,] sigma, double rf)
    {
        var w = new double[mu.Length];
        foreach (var (name, weight) in portfolio.Weights)
        {
            w[index[name]] = weight;
        }

        var invested = w.Sum();
        var expected = (1.0 - invested) * rf;
        var variance = 0.0;
        for (var j = 0; j < w.Length; j++)
        {
            expected += w[j] * mu[j];
            for (var k = 0; k < w.Length; k++)
            {
                variance += w[j] * sigma[j, k] * w[k];
            }
        }

        var volatility = Math.Sqrt(Math.Max(variance, 0.0));
        return new EvaluatedPortfolio(portfolio.Name, expected, volatility, volatility > 0.0 ? (expected - rf) / volatility : null, 1.0 - invested);
    }

    private static OptimizationFailure? Validate(IReadOnlyList<string> names, double[,] returns, OptimizationSpec spec)
    {
        static OptimizationFailure Bad(string field, string message) => new(OptimizationFailure.InvalidInput, message, [], field);
        int periods = returns.GetLength(0), n = returns.GetLength(1);
        if (names.Count != n || n == 0)
        {
            return Bad("assets", "Give one name per return column and at least one asset.");
        }

        if (names.Distinct(StringComparer.Ordinal).Count() != n)
        {
            return Bad("assets", "Asset names must be unique.");
        }

        if (periods < 2)
        {
            return Bad("returns", "At least two periods of returns are needed.");
        }

        foreach (var x in returns)
        {
            if (!double.IsFinite(x))
            {
                return Bad("returns", "Every return must be a finite number.");
            }
        }

        if (!Objectives.Contains(spec.Objective))
        {
            return Bad("objective", $"Use one of: {string.Join(", ", Objectives)}.");
        }

        if (!OptimizationSpec.CovarianceMethods.Contains(spec.Covariance))
        {
            return Bad("covariance", $"Use one of: {string.Join(", ", OptimizationSpec.CovarianceMethods)}.");
        }

        if (spec.Objective is "target-return" or "target-volatility" && spec.Target is not { } target)
        {
            return Bad("target", $"A target is required for {spec.Objective}.");
        }

        if (spec.Objective == "target-volatility" && spec.Target <= 0)
        {
            return Bad("target", "The target volatility must be positive.");
        }

        if (spec.Objective == "frontier" && spec.Points is < 2 or > 1000)
        {
            return Bad("points", "A frontier has between 2 and 1000 points.");
        }

        if (spec.PeriodsPerYear is <= 0)
        {
            return Bad("periodsPerYear", "Periods per year must be positive.");
        }

        if (!double.IsFinite(spec.RiskFree) || !double.IsFinite(spec.MinWeight) || !double.IsFinite(spec.MaxWeight))
        {
            return Bad("riskFree", "Rates and bounds must be finite numbers.");
        }

        if (EvaluateProblem(names, spec.Evaluate) is { } evaluate)
        {
            return Bad("evaluate", evaluate);
        }

        var unknown = (spec.Bounds?.Keys ?? []).Concat(spec.Groups.SelectMany(g => g.Members)).Where(a => !names.Contains(a)).ToList();
        if (unknown.Count > 0)
        {
            return Bad("bounds", $"Unknown asset '{unknown[0]}' in bounds or groups.");
        }

        return null;
    }

    private static IReadOnlyList<string> Objectives => OptimizationSpec.Objectives;

    /// <summary>Sum tolerance for evaluated weights: six-decimal weights of a few classes may round a hair over 1.</summary>
    private const double WeightSumTolerance = 1e-9;

    private static string? EvaluateProblem(IReadOnlyList<string> names, IReadOnlyList<PortfolioToEvaluate> portfolios)
    {
        if (portfolios.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != portfolios.Count || portfolios.Any(p => string.IsNullOrWhiteSpace(p.Name)))
        {
            return "Every portfolio to evaluate needs a unique, non-empty name.";
        }

        foreach (var p in portfolios)
        {
            if (p.Weights.Keys.FirstOrDefault(a => !names.Contains(a)) is { } unknown)
            {
                return $"Unknown asset '{unknown}' in portfolio '{p.Name}'.";
            }

            if (p.Weights.Values.Any(w => !double.IsFinite(w) || w < 0.0))
            {
                return $"Weights of portfolio '{p.Name}' must be finite and not negative.";
            }

            if (p.Weights.Values.Sum() > 1.0 + WeightSumTolerance)
            {
                return $"Weights of portfolio '{p.Name}' sum to more than 1 (the rest is held at the risk-free rate).";
            }
        }

        return null;
    }

    private static double[,] Estimate(string method, double[,] returns) => method switch
    {
        "ewma" => EwmaCovariance.Compute(returns),
        "ledoit-wolf-cc" => LedoitWolf.ConstantCorrelation(returns).Covariance,
        "ledoit-wolf-identity" => LedoitWolf.ScaledIdentity(returns).Covariance,
        _ => SampleCovariance.Compute(returns),
    };
}
