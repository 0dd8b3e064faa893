using System.Collections.Frozen;

namespace Glidepath.Domain.Currencies;

/// <summary>An ISO-4217 currency: its three-letter code and the number of minor units booked.</summary>
public readonly record struct Currency
{
    // Minor units per ISO 4217 (code:digits). Codes not listed here are refused rather than guessed.
    private const string MinorUnitsTable =
        "USD:2 EUR:2 GBP:2 CHF:2 CAD:2 AUD:2 NZD:2 SEK:2 NOK:2 DKK:2 HKD:2 SGD:2 CNY:2 INR:2 MXN:2 " +
        "BRL:2 ZAR:2 PLN:2 CZK:2 ILS:2 AED:2 SAR:2 QAR:2 TRY:2 THB:2 TWD:2 HUF:2 " +
        "JPY:0 KRW:0 ISK:0 CLP:0 KWD:3 BHD:3 OMR:3 JOD:3";

    private static readonly FrozenDictionary<string, int> MinorUnitsByCode = MinorUnitsTable
        .Split(' ')
        .Select(entry => entry.Split(':'))
        .ToFrozenDictionary(parts => parts[0], parts => parts[1][0] - '0', StringComparer.Ordinal);

    private Currency(string code, int minorUnits)
    {
        Code = code;
        MinorUnits = minorUnits;
    }

    public string Code { get; }

    /// <summary>Digits after the decimal point when money in this currency is booked.</summary>
    public int MinorUnits { get; }

    public static Currency Usd { get; } = Of("USD");
    public static Currency Eur { get; } = Of("EUR");
    public static Currency Chf { get; } = Of("CHF");

    public static Currency Of(string code) =>
        TryParse(code, out var currency)
            ? currency
            : throw new ArgumentException($"'{code}' is not a supported ISO-4217 currency code.", nameof(code));

    public static bool TryParse(string? code, out Currency currency)
    {
        var normalised = code?.Trim().ToUpperInvariant();
        if (normalised is not null && MinorUnitsByCode.TryGetValue(normalised, out var minor))
        {
            currency = new Currency(normalised, minor);
            return true;
        }

        currency = default;
        return false;
    }

    public override string ToString() => Code ?? "";
}
