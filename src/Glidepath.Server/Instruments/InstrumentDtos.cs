using Glidepath.Domain.Instruments;
using Glidepath.Domain.Pricing;

namespace Glidepath.Server.Instruments;

public sealed record InstrumentDto(
    Guid Id, string Symbol, string Name, InstrumentType Type, AssetClass AssetClass, string Currency, string Exchange, string? Isin);

public sealed record InstrumentRequest(
    string? Symbol, string? Name, InstrumentType Type, AssetClass AssetClass, string? Currency, string? Exchange, string? Isin);

public sealed record PriceDto(DateOnly Date, decimal Close);

internal static class InstrumentMapping
{
    public static InstrumentDto ToDto(this Instrument instrument) =>
        new(instrument.Id, instrument.Symbol, instrument.Name, instrument.Type, instrument.AssetClass,
            instrument.Currency.Code, instrument.Exchange, instrument.Isin);

    public static PriceDto ToDto(this PriceClose price) => new(price.Date, price.Close);
}
