using Glidepath.Domain.Instruments;
using Glidepath.Quant.Optimization;

namespace Glidepath.Domain.Portfolios;

/// <summary>One asset-class proxy: its asset class and a column of periodic simple returns.</summary>
public sealed record AssetClassProxy(string Name, AssetClass AssetClass, double[] Returns);

/// <summary>A generated level: allocations by class and the annualised figures of the frontier point.</summary>
public sealed record RiskLevelPortfolio(int Level, IReadOnlyList<TargetAllocation> Allocations, double ExpectedReturn, double Volatility);

/// <summary>
/// Ten risk levels on the long-only efficient frontier over asset-class proxies: historical means
/// and the sample covariance, annualised; every proxy's weight capped at <c>maxWeight</c>; level
/// 1 is the minimum-variance portfolio, level 10 the maximum-return one, levels between at evenly
/// spaced target returns (<see cref="PortfolioOptimizer.EfficientFrontier"/>). Weights are summed
/// by asset class and rounded to <see cref="ModelPortfolioRules.WeightDecimals"/> decimals, the
/// rounding residue going to the largest class so each level sums to exactly 1.
/// </summary>
public static class ModelPortfolioGenerator
{
    public const int Levels = 10;

    public static (IReadOnlyList<RiskLevelPortfolio> Levels, OptimizationFailure? Failure) Generate(
        IReadOnlyList<AssetClassProxy> proxies, double periodsPerYear, double maxWeight)
    {
        ArgumentNullException.ThrowIfNull(proxies);
        var periods = proxies.Count == 0 ? 0 : proxies[0].Returns.Length;
        if (proxies.Any(p => p.Returns.Length != periods))
        {
            return ([], new OptimizationFailure(OptimizationFailure.InvalidInput, "Every proxy needs the same number of returns.", [], "proxies"));
        }

        var returns = new double[periods, proxies.Count];
        for (var j = 0; j < proxies.Count; j++)
        {
            for (var t = 0; t < periods; t++)
            {
                returns[t, j] = proxies[j].Returns[t];
            }
        }

        var spec = new OptimizationSpec
        {
            Objective = "frontier",
            Points = Levels,
            MaxWeight = maxWeight,
            PeriodsPerYear = (int)periodsPerYear,
        };
        var outcome = PortfolioOptimization.Run([.. proxies.Select(p => p.Name)], returns, spec);
        if (outcome.Failure is not null)
        {
            return ([], outcome.Failure);
        }

        var levels = outcome.Portfolios.Select((p, i) => new RiskLevelPortfolio(
            i + 1, ByClass(proxies, p.Weights), p.ExpectedReturn, p.Volatility)).ToList();
        return (levels, null);
    }

    private static List<TargetAllocation> ByClass(IReadOnlyList<AssetClassProxy> proxies, IReadOnlyDictionary<string, double> weights)
    {
        var byClass = proxies
            .GroupBy(p => p.AssetClass)
            .Select(g => (Class: g.Key, Weight: Math.Round((decimal)g.Sum(p => Math.Max(weights[p.Name], 0.0)), ModelPortfolioRules.WeightDecimals, MidpointRounding.ToEven)))
            .ToList();
        var largest = byClass.IndexOf(byClass.MaxBy(c => c.Weight));
        byClass[largest] = (byClass[largest].Class, byClass[largest].Weight + 1m - byClass.Sum(c => c.Weight));
        return [.. byClass.Where(c => c.Weight != 0m).OrderBy(c => c.Class).Select(c => new TargetAllocation(c.Class, c.Weight))];
    }
}
