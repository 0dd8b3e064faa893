using Glidepath.Domain.Instruments;

namespace Glidepath.Domain.Portfolios;

/// <summary>
/// A household's named target allocation by asset class, used by rebalancing as the target.
/// Generated ones carry their risk level (1 = lowest volatility … 10 = highest expected return)
/// and the optimiser's annualised expected return and volatility over the asset-class proxies.
/// </summary>
public sealed class ModelPortfolio
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    /// <summary>Weights by asset class; each in [0, 1], summing to 1 (see <see cref="ModelPortfolioRules"/>).</summary>
    public List<TargetAllocation> Allocations { get; set; } = [];

    public int? RiskLevel { get; set; }

    public double? ExpectedReturn { get; set; }

    public double? Volatility { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>Starts at 1; each update adds one.</summary>
    public long Version { get; set; } = 1;
}

/// <summary>The target weight of one asset class.</summary>
public sealed record TargetAllocation(AssetClass AssetClass, decimal Weight);
