using System.Globalization;
using Glidepath.Domain.Instruments;
using Glidepath.Quant.Covariance;

namespace Glidepath.Domain.Assumptions;

/// <summary>What a valid assumption set is; each rule names the field it concerns.</summary>
public static class CapitalMarketAssumptionRules
{
    /// <summary>Smallest eigenvalue a correlation matrix may have (positive semidefinite up to rounding).</summary>
    public const double MinEigenvalue = -1e-9;

    /// <summary>The first broken rule as (field, message), or null.</summary>
    public static (string Field, string Message)? Check(IReadOnlyList<AssetClassAssumption> classes, IReadOnlyList<IReadOnlyList<double>> correlations)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(correlations);
        if (classes.Count < 2)
        {
            return ("classes", "At least two asset classes are needed.");
        }

        if (classes.Any(c => c is null))
        {
            return ("classes", "A class in the list is null.");
        }

        if (classes.Any(c => c.AssetClass == AssetClass.Unclassified || !Enum.IsDefined(c.AssetClass)))
        {
            return ("classes", "Every entry needs a known asset class (not Unclassified).");
        }

        if (classes.Select(c => c.AssetClass).Distinct().Count() != classes.Count)
        {
            return ("classes", "Each asset class may appear once.");
        }

        if (classes.Any(c => !double.IsFinite(c.ExpectedReturn) || c.ExpectedReturn is <= -1 or > 1))
        {
            return ("classes", "Each expected return is a fraction a year above -1 and at most 1.");
        }

        if (classes.Any(c => !double.IsFinite(c.Volatility) || c.Volatility is <= 0 or > 2))
        {
            return ("classes", "Each volatility is a fraction a year above 0 and at most 2.");
        }

        var n = classes.Count;
        if (correlations.Count != n || correlations.Any(row => row is null || row.Count != n))
        {
            return ("correlations", $"The correlation matrix must be {n} × {n}, in the order of the classes.");
        }

        var matrix = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var r = correlations[i][j];
                if (!double.IsFinite(r) || r is < -1 or > 1)
                {
                    return ("correlations", $"Correlation ({i}, {j}) must lie in [-1, 1].");
                }

                if (i == j && r != 1.0)
                {
                    return ("correlations", "The diagonal must be 1.");
                }

                if (Math.Abs(r - correlations[j][i]) > 1e-12)
                {
                    return ("correlations", $"The matrix must be symmetric; ({i}, {j}) and ({j}, {i}) differ.");
                }

                matrix[i, j] = r;
            }
        }

        var smallest = NearestCorrelation.MinimumEigenvalue(matrix);
        return smallest < MinEigenvalue
            ? ("correlations", string.Create(CultureInfo.InvariantCulture, $"The correlation matrix is not positive semidefinite (smallest eigenvalue {smallest:0.######})."))
            : null;
    }
}
