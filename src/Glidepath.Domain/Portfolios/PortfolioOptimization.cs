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
            null);
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

        var unknown = (spec.Bounds?.Keys ?? []).Concat(spec.Groups.SelectMany(g => g.Members)).Where(a => !names.Contains(a)).ToList();
        if (unknown.Count > 0)
        {
            return Bad("bounds", $"Unknown asset '{unknown[0]}' in bounds or groups.");
        }

        return null;
    }

    private static IReadOnlyList<string> Objectives => OptimizationSpec.Objectives;

    private static double[,] Estimate(string method, double[,] returns) => method switch
    {
        "ewma" => EwmaCovariance.Compute(returns),
        "ledoit-wolf-cc" => LedoitWolf.ConstantCorrelation(returns).Covariance,
        "ledoit-wolf-identity" => LedoitWolf.ScaledIdentity(returns).Covariance,
        _ => SampleCovariance.Compute(returns),
    };
}
