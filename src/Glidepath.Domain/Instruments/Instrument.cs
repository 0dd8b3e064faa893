using Glidepath.Domain.Currencies;

namespace Glidepath.Domain.Instruments;

public sealed class Instrument
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Ticker, unique together with <see cref="Exchange"/>.</summary>
    public required string Symbol { get; set; }

    public string Name { get; set; } = "";

    public InstrumentType Type { get; set; }

    public AssetClass AssetClass { get; set; }

    public Currency Currency { get; set; } = Currency.Usd;

    public string Exchange { get; set; } = "";

    /// <summary>ISO 6166 identifier, when known.</summary>
    public string? Isin { get; set; }
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
}
