namespace Glidepath.Infrastructure.TaxLots;

/// <summary>Stable codes of the tax tables' expected failures (the API passes them through).</summary>
public static class TaxStoreErrorCodes
{
    public const string SameInstrument = "same-instrument";
    public const string DuplicatePair = "duplicate-identical-pair";
    public const string PairNotFound = "identical-pair-not-found";
}
