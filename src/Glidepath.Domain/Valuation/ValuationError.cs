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

/// <summary>A price or rate, or the error saying why there is none.</summary>
public readonly record struct PriceLookup(decimal Value, ValuationError? Error)
{
    public bool Found => Error is null;

    public static PriceLookup Of(decimal value) => new(value, null);

    public static PriceLookup Missing(string code, string message) => new(0m, new ValuationError(code, message));
}

/// <summary>A valuation, or every error that prevented it.</summary>
public sealed record Valued<T>(T? Value, IReadOnlyList<ValuationError> Errors)
    where T : class
{
    public bool Succeeded => Value is not null && Errors.Count == 0;
}

public static class Valued
{
    public static Valued<T> Ok<T>(T value)
        where T : class => new(value, []);

    public static Valued<T> Fail<T>(IReadOnlyList<ValuationError> errors)
        where T : class => new(null, errors);
}
