using Glidepath.Application.Instruments;
using Glidepath.Server.Api;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Pricing;

namespace Glidepath.Server.Instruments;

/// <param name="HouseholdId">Null for a shared instrument; otherwise the household it is private to.</param>
/// <param name="Editable">Whether the caller may change it and its prices (their household's private instrument, or a shared one for an operator).</param>
public sealed record InstrumentDto(
    Guid Id, string Symbol, string Name, InstrumentType Type, AssetClass AssetClass, string Currency, string Exchange, string? Isin,
    Guid? HouseholdId, bool Editable);

public sealed record InstrumentPage(IReadOnlyList<InstrumentDto> Items, int Page, int PageSize, int TotalCount) : IPage;

internal static class InstrumentMapping
{
    public static InstrumentDto ToDto(this Instrument instrument, bool mayWriteShared) =>
        new(instrument.Id, instrument.Symbol, instrument.Name, instrument.Type, instrument.AssetClass,
            instrument.Currency.Code, instrument.Exchange, instrument.Isin, instrument.HouseholdId, instrument.HouseholdId is not null || mayWriteShared);

    public static PriceDto ToDto(this PriceClose price) => new(price.Date, price.Close);
}
