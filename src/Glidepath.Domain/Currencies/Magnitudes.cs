namespace Glidepath.Domain.Currencies;

/// <summary>
/// The largest amount, quantity, price or close the ledger accepts (docs/ledger.md, "Limits"). Larger
/// numbers are typing or file errors, not holdings, and capping them keeps every product and sum of the
/// valuation (quantity × close, summed over holdings and days) far inside decimal's range, so a read
/// never overflows on data a write accepted.
/// </summary>
public static class Magnitudes
{
    /// <summary>One trillion: above any household's amount, any share count or any price per unit.</summary>
    public const decimal Max = 1_000_000_000_000m;

    /// <summary>Each side of a split ratio (a 1:1,000,000 reverse split is already extreme).</summary>
    public const decimal MaxSplitPart = 1_000_000m;

    public static string TooLarge(decimal max) => $"must be at most {max:#,0}.";
}
