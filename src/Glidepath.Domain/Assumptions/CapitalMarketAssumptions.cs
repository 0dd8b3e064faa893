using Glidepath.Domain.Instruments;

namespace Glidepath.Domain.Assumptions;

/// <summary>Long-horizon figures of one asset class: arithmetic expected return and volatility, fractions a year.</summary>
public sealed record AssetClassAssumption(AssetClass AssetClass, double ExpectedReturn, double Volatility);

/// <summary>
/// One dated, versioned set of capital-market assumptions (docs/assumptions.md): per asset class an
/// expected return and a volatility, and the correlation matrix in the order of <see cref="Classes"/>.
/// Versions only grow; the highest is the current one. Model portfolios, the frontier and the planner's
/// default returns all read the current version.
/// </summary>
public sealed class CapitalMarketAssumptionSet
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>1, 2, …: unique; the highest is current.</summary>
    public int Version { get; set; }

    /// <summary>The date the figures describe (the sources' date), not the date they were stored.</summary>
    public DateOnly AsOf { get; set; }

    public required string Name { get; set; }

    /// <summary>Where the figures come from, in words (documents by name and date, data sets, formulas).</summary>
    public string Sources { get; set; } = "";

    public List<AssetClassAssumption> Classes { get; set; } = [];

    /// <summary>Row i, column j: the correlation of <see cref="Classes"/>[i] and [j].</summary>
    public List<List<double>> Correlations { get; set; } = [];

    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>The admin who stored it; null for the built-in default.</summary>
    public Guid? CreatedBy { get; set; }

    /// <summary>Σ_ij = ρ_ij σ_i σ_j, annual.</summary>
    public double[,] Covariance()
    {
        var n = Classes.Count;
        var cov = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                cov[i, j] = Correlations[i][j] * Classes[i].Volatility * Classes[j].Volatility;
            }
        }

        return cov;
    }

    public AssetClassAssumption? Of(AssetClass assetClass) => Classes.FirstOrDefault(c => c.AssetClass == assetClass);
}
