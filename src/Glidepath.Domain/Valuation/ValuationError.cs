namespace Glidepath.Domain.Valuation;

/// <summary>Why a value could not be computed. <paramref name="Code"/> is stable: see <see cref="ValuationErrorCodes"/>.</summary>
public sealed record ValuationError(string Code, string Message);

public static class ValuationErrorCodes
{
    /// <summary>No close for the instrument on or before the date.</summary>
    public const string MissingPrice = "missing-price";

    /// <summary>No rate for the pair on or before the date, directly, inverted or through USD.</summary>
    public const string MissingFxRate = "missing-fx-rate";

    /// <summary>A position or transaction names an instrument the valuer was not given.</summary>
    public const string UnknownInstrument = "unknown-instrument";

    public const string InvalidRange = "invalid-range";
}
