namespace Glidepath.Domain.Portfolios;

/// <summary>
/// What to optimise and under which constraints; the same options as <c>glidepath optimize</c>.
/// Without <see cref="PeriodsPerYear"/> every figure is periodic; with N, μ and Σ are multiplied
/// by N and <see cref="RiskFree"/> and <see cref="Target"/> are annual.
/// </summary>
public sealed record OptimizationSpec
{
    public static IReadOnlyList<string> Objectives { get; } = ["min-variance", "max-sharpe", "target-return", "target-volatility", "risk-parity", "frontier"];

    public static IReadOnlyList<string> CovarianceMethods { get; } = ["sample", "ewma", "ledoit-wolf-cc", "ledoit-wolf-identity"];

    public required string Objective { get; init; }

    public string Covariance { get; init; } = "sample";

    public double RiskFree { get; init; }

    /// <summary>Target return (target-return) or volatility (target-volatility).</summary>
    public double? Target { get; init; }

    public double MinWeight { get; init; }

    public double MaxWeight { get; init; } = 1.0;

    /// <summary>Per-asset bounds by asset name, overriding <see cref="MinWeight"/>/<see cref="MaxWeight"/>.</summary>
    public IReadOnlyDictionary<string, AssetBounds>? Bounds { get; init; }

    /// <summary>Bounds on the summed weight of named groups of assets (e.g. an asset class).</summary>
    public IReadOnlyList<GroupBounds> Groups { get; init; } = [];

    public int Points { get; init; } = 20;

    public int? PeriodsPerYear { get; init; }

    /// <summary>Given portfolios to place beside the optimum, under the same μ, Σ and units (e.g. a household's current mix).</summary>
    public IReadOnlyList<PortfolioToEvaluate> Evaluate { get; init; } = [];
}

/// <summary>
/// Weights by asset name, each ≥ 0, summing to at most 1: the rest is held at the risk-free rate
/// (cash: return r_f, no variance). Assets left out have weight 0.
/// </summary>
public sealed record PortfolioToEvaluate(string Name, IReadOnlyDictionary<string, double> Weights);

public sealed record AssetBounds(double? Min, double? Max);

public sealed record GroupBounds(string Name, IReadOnlyList<string> Members, double Min, double Max);
