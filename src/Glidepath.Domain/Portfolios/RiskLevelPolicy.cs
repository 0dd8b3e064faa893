using Glidepath.Domain.Assumptions;
using Glidepath.Domain.Instruments;
using Glidepath.Quant.Optimization;

namespace Glidepath.Domain.Portfolios;

/// <summary>
/// The practitioner constraints of the ten risk levels (docs/assumptions.md, "Model portfolios"):
/// level L holds exactly L/10 in equity (US, international, emerging), so the equity share rises with
/// the level; below level 8 at least 20 % in bonds (Bonds and TIPS); no single alternative class
/// (real estate, commodities incl. gold) above <see cref="AlternativeCap"/>; inside the equity share,
/// US equity between 40 % and 70 % of it (a home bias for a US investor), international at most 40 %
/// of it and emerging markets at most 20 % of it.
/// </summary>
public static class RiskLevelPolicy
{
    public const int Levels = 10;

    public const double AlternativeCap = 0.15;

    public const double MinBonds = 0.20;

    /// <summary>Levels below this one need <see cref="MinBonds"/>.</summary>
    public const int BondFloorBelowLevel = 8;

    public static IReadOnlySet<AssetClass> Equity { get; } = new HashSet<AssetClass> { AssetClass.UsEquity, AssetClass.InternationalEquity, AssetClass.EmergingMarkets };

    public static IReadOnlySet<AssetClass> FixedIncome { get; } = new HashSet<AssetClass> { AssetClass.Bonds, AssetClass.Tips };

    public static IReadOnlySet<AssetClass> Alternatives { get; } = new HashSet<AssetClass> { AssetClass.RealEstate, AssetClass.Commodities };

    public static double EquityShare(int level) => level / 10.0;

    /// <summary>Share of the whole portfolio each class may hold at most at <paramref name="level"/>.</summary>
    public static double MaxWeight(AssetClass assetClass, int level) => assetClass switch
    {
        AssetClass.UsEquity => 0.7 * EquityShare(level),
        AssetClass.InternationalEquity => 0.4 * EquityShare(level),
        AssetClass.EmergingMarkets => 0.2 * EquityShare(level),
        AssetClass.RealEstate or AssetClass.Commodities => AlternativeCap,
        _ => 1.0,
    };

    /// <summary>Share of the whole portfolio each class must hold at least at <paramref name="level"/>.</summary>
    public static double MinWeight(AssetClass assetClass, int level) => assetClass == AssetClass.UsEquity ? 0.4 * EquityShare(level) : 0.0;

    public static double MinFixedIncome(int level) => level < BondFloorBelowLevel ? MinBonds : 0.0;
}

/// <summary>
/// Ten risk levels from a capital-market assumption set: for each level the maximum-Sharpe portfolio
/// (risk-free rate = the set's cash return, 0 without a cash class) under <see cref="RiskLevelPolicy"/>,
/// by the existing optimiser on μ and Σ = D R D of the set. When no portfolio beats cash under the
/// constraints, the minimum-variance one. Weights rounded like <see cref="ModelPortfolioGenerator"/>.
/// </summary>
public static class AssumptionModelPortfolios
{
    public static (IReadOnlyList<RiskLevelPortfolio> Levels, string? Failure) Generate(CapitalMarketAssumptionSet assumptions)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        var classes = assumptions.Classes.Select(c => c.AssetClass).ToList();
        var mu = assumptions.Classes.Select(c => c.ExpectedReturn).ToArray();
        var cov = assumptions.Covariance();
        var riskFree = assumptions.Of(AssetClass.Cash)?.ExpectedReturn ?? 0.0;
        var names = classes.Select(c => c.ToString()).ToList();
        var levels = new List<RiskLevelPortfolio>();
        for (var level = 1; level <= RiskLevelPolicy.Levels; level++)
        {
            var constraints = Constraints(classes, names, level);
            var result = PortfolioOptimizer.MaximumSharpe(cov, mu, riskFree, constraints);
            if (result.Status == PortfolioStatus.Unattainable)
            {
                result = PortfolioOptimizer.MinimumVariance(cov, constraints, mu);
            }

            if (!result.IsOptimal)
            {
                return ([], $"Risk level {level}: {result.Message ?? result.Status.ToString()}" +
                    (result.ConflictingConstraints.Count > 0 ? $" ({string.Join(", ", result.ConflictingConstraints)})" : ""));
            }

            var allocations = Round(classes, result.Weights);
            var w = allocations.ToDictionary(a => a.AssetClass, a => (double)a.Weight);
            var weights = classes.Select(c => w.GetValueOrDefault(c)).ToArray();
            levels.Add(new RiskLevelPortfolio(level, allocations, Return(mu, weights), Volatility(cov, weights)));
        }

        return (levels, null);
    }

    internal static PortfolioConstraints Constraints(IReadOnlyList<AssetClass> classes, IReadOnlyList<string> names, int level)
    {
        var members = (IReadOnlySet<AssetClass> set) => classes.Select((c, i) => (c, i)).Where(x => set.Contains(x.c)).Select(x => x.i).ToList();
        var equity = RiskLevelPolicy.EquityShare(level);
        var groups = new List<GroupConstraint> { new("equity share", members(RiskLevelPolicy.Equity), equity, equity) };
        if (RiskLevelPolicy.MinFixedIncome(level) > 0)
        {
            groups.Add(new GroupConstraint("bond floor", members(RiskLevelPolicy.FixedIncome), RiskLevelPolicy.MinFixedIncome(level), 1.0));
        }

        return new PortfolioConstraints
        {
            AssetNames = names,
            MinWeights = [.. classes.Select(c => RiskLevelPolicy.MinWeight(c, level))],
            MaxWeights = [.. classes.Select(c => RiskLevelPolicy.MaxWeight(c, level))],
            Groups = groups,
        };
    }

    /// <summary>Rounded to <see cref="ModelPortfolioRules.WeightDecimals"/> (half to even); the residue goes to the largest weight.</summary>
    private static List<TargetAllocation> Round(IReadOnlyList<AssetClass> classes, double[] weights)
    {
        var rounded = classes.Select((c, i) => (Class: c, Weight: Math.Round((decimal)Math.Max(weights[i], 0.0), ModelPortfolioRules.WeightDecimals, MidpointRounding.ToEven))).ToList();
        var largest = rounded.IndexOf(rounded.MaxBy(c => c.Weight));
        rounded[largest] = (rounded[largest].Class, rounded[largest].Weight + 1m - rounded.Sum(c => c.Weight));
        return [.. rounded.Where(c => c.Weight != 0m).OrderBy(c => c.Class).Select(c => new TargetAllocation(c.Class, c.Weight))];
    }

    /// <summary>
    /// A given mix by asset class under the set: E[r] = Σ w_i μ_i + (1 − Σw)·c and σ = √(wᵀΣw), the
    /// uninvested rest held at the cash rate c (the set's cash return, 0 without one) with no variance.
    /// Classes the set lacks must be left out by the caller. Null when a weight names a class the set lacks.
    /// </summary>
    public static EvaluatedPortfolio? Evaluate(CapitalMarketAssumptionSet assumptions, string name, IReadOnlyDictionary<AssetClass, double> weights)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(weights);
        var classes = assumptions.Classes.Select(c => c.AssetClass).ToList();
        if (weights.Keys.Any(k => !classes.Contains(k)))
        {
            return null;
        }

        var w = classes.Select(c => weights.GetValueOrDefault(c)).ToArray();
        var mu = assumptions.Classes.Select(c => c.ExpectedReturn).ToArray();
        var cash = assumptions.Of(AssetClass.Cash)?.ExpectedReturn ?? 0.0;
        var expected = Return(mu, w) + ((1.0 - w.Sum()) * cash);
        var volatility = Volatility(assumptions.Covariance(), w);
        return new EvaluatedPortfolio(name, expected, volatility, volatility > 0 ? (expected - cash) / volatility : null, 1.0 - w.Sum());
    }

    private static double Return(double[] mu, double[] w) => mu.Select((m, i) => m * w[i]).Sum();

    private static double Volatility(double[,] cov, double[] w)
    {
        var v = 0.0;
        for (var i = 0; i < w.Length; i++)
        {
            for (var j = 0; j < w.Length; j++)
            {
                v += w[i] * cov[i, j] * w[j];
            }
        }

        return Math.Sqrt(Math.Max(v, 0.0));
    }
}
