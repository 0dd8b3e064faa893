using Glidepath.Domain.Currencies;

namespace Glidepath.Domain.Instruments;

public sealed class Instrument
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>
    /// Null: shared reference data, written by operators (admins, market-data jobs) and read by everyone.
    /// Otherwise the household whose private instrument this is (a custom asset, or a symbol an import
    /// named that the shared list lacks): only that household sees it, and its prices are its own.
    /// </summary>
    public Guid? HouseholdId { get; set; }

    public bool IsShared => HouseholdId is null;

    /// <summary>Ticker, unique together with <see cref="Exchange"/> among the shared instruments and within a household's private ones.</summary>
    public required string Symbol { get; set; }

    public string Name { get; set; } = "";

    public InstrumentType Type { get; set; }

    public AssetClass AssetClass { get; set; }

    public Currency Currency { get; set; } = Currency.Usd;

    public string Exchange { get; set; } = "";

    /// <summary>ISO 6166 identifier, when known.</summary>
    public string? Isin { get; set; }

    /// <summary>
    /// The market-data provider that prices this shared instrument (<c>stooq</c>, <c>yahoo</c>, …);
    /// null: the default for its exchange (docs/market-data.md, "Mapping").
    /// </summary>
    public string? PriceProvider { get; set; }

    /// <summary>The provider's symbol (<c>msft.us</c> at Stooq); null: derived from <see cref="Symbol"/>.</summary>
    public string? ProviderSymbol { get; set; }
}

public enum InstrumentType
{
    Stock,
    Etf,
    MutualFund,
    Bond,
    Cash,
}

public enum AssetClass
{
    UsEquity,
    InternationalEquity,
    EmergingMarkets,
    Bonds,
    Tips,
    RealEstate,
    Commodities,
    Cash,

    /// <summary>Not known yet: what an import gives a symbol it had to create; the UI asks the user to set it.</summary>
    Unclassified,
}
