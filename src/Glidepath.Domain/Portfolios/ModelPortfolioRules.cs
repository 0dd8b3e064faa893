namespace Glidepath.Domain.Portfolios;

/// <summary>What a valid target allocation is: at least one class, each class once, weights in [0, 1] summing to 1.</summary>
public static class ModelPortfolioRules
{
    /// <summary>Weights are kept to this many decimals; the sum must be exactly 1 at that precision.</summary>
    public const int WeightDecimals = 6;

    /// <summary>The first rule the allocations break, or null.</summary>
    public static string? Check(IReadOnlyList<TargetAllocation> allocations)
    {
        ArgumentNullException.ThrowIfNull(allocations);
        if (allocations.Count == 0)
        {
            return "At least one asset class is needed.";
        }

        if (allocations.Select(a => a.AssetClass).Distinct().Count() != allocations.Count)
        {
            return "Each asset class may appear once.";
        }

        if (allocations.Any(a => a.Weight is < 0m or > 1m))
        {
            return "Each weight must be between 0 and 1.";
        }

        if (allocations.Any(a => decimal.Round(a.Weight, WeightDecimals) != a.Weight))
        {
            return $"Weights have at most {WeightDecimals} decimals.";
        }

        var sum = allocations.Sum(a => a.Weight);
        return sum == 1m ? null : $"The weights sum to {sum}, not 1.";
    }
}
