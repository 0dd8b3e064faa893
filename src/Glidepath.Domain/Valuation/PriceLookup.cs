namespace Glidepath.Domain.Valuation;

/// <summary>A price or rate, or the error saying why there is none.</summary>
public readonly record struct PriceLookup(decimal Value, ValuationError? Error)
{
    public bool Found => Error is null;

    public static PriceLookup Of(decimal value) => new(value, null);

    public static PriceLookup Missing(string code, string message) => new(0m, new ValuationError(code, message));
}
