namespace Glidepath.Infrastructure.TaxLots;

/// <summary>Stable codes of the tax tables' expected failures (the API passes them through).</summary>
public static class TaxStoreErrorCodes
{
    public const string SameInstrument = "same-instrument";
    public const string DuplicatePair = "duplicate-identical-pair";
    public const string PairNotFound = "identical-pair-not-found";

    /// <summary>A held or targeted instrument has no close on or before the snapshot date.</summary>
    public const string MissingPrice = "missing-price";

    /// <summary>An account or instrument is not in the household's reporting currency (snapshots hold one currency).</summary>
    public const string MixedCurrency = "mixed-currency";
}
