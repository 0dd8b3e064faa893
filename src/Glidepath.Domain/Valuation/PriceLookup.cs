namespace Glidepath.Domain.Valuation;

/// <summary>A price or rate, or the error saying why there is none; <paramref name="Date"/> is the close's own date when it is one.</summary>
public readonly record struct PriceLookup(decimal Value, ValuationError? Error, DateOnly? Date = null)
{
    public bool Found => Error is null;

    public static PriceLookup Of(decimal value, DateOnly? date = null) => new(value, null, date);

    public static PriceLookup Missing(string code, string message) => new(0m, new ValuationError(code, message));
}
