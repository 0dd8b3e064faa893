namespace Glidepath.Quant.Optimization;

/// <summary>
/// Constraints on portfolio weights: always fully invested (Σw = 1); per-asset bounds
/// (default long-only, 0 ≤ w ≤ 1); optional group bounds.
/// </summary>
public sealed record PortfolioConstraints
{
    /// <summary>Asset names used in messages; "asset i" when absent.</summary>
    public IReadOnlyList<string>? AssetNames { get; init; }

    /// <summary>Lower bound for every asset not listed in <see cref="MinWeights"/>.</summary>
    public double DefaultMin { get; init; }

    /// <summary>Upper bound for every asset not listed in <see cref="MaxWeights"/>.</summary>
    public double DefaultMax { get; init; } = 1.0;

    /// <summary>Per-asset lower bounds (length n) overriding <see cref="DefaultMin"/>.</summary>
    public IReadOnlyList<double>? MinWeights { get; init; }

    /// <summary>Per-asset upper bounds (length n) overriding <see cref="DefaultMax"/>.</summary>
    public IReadOnlyList<double>? MaxWeights { get; init; }

    public IReadOnlyList<GroupConstraint> Groups { get; init; } = [];

    /// <summary>Optional limit on Σ|w - w₀| against the current weights.</summary>
    public TurnoverLimit? Turnover { get; init; }

    public static PortfolioConstraints LongOnly { get; } = new();

    internal double Min(int i) => MinWeights?[i] ?? DefaultMin;

    internal double Max(int i) => MaxWeights?[i] ?? DefaultMax;

    internal string Name(int i) => AssetNames is { } names ? names[i] : $"asset {i}";
}

/// <summary>Bounds on the summed weight of a group of assets (for example an asset class).</summary>
public sealed record GroupConstraint(string Name, IReadOnlyList<int> Members, double Min, double Max);

/// <summary>One-way-and-back turnover limit: Σ_i |w_i - current_i| ≤ limit.</summary>
public sealed record TurnoverLimit(IReadOnlyList<double> CurrentWeights, double Limit);
