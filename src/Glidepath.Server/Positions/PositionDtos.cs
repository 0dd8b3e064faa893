namespace Glidepath.Server.Positions;

/// <summary>
/// A household's holdings on <paramref name="AsOf"/>: positions (valued at the last close on or before it) and cash.
/// <paramref name="PricesAsOf"/> is the oldest close used; <paramref name="Stale"/> is true when any position's close is stale.
/// </summary>
public sealed record PositionsDto(DateOnly AsOf, DateOnly? PricesAsOf, bool Stale, IReadOnlyList<PositionDto> Positions, IReadOnlyList<CashDto> Cash);

/// <summary>
/// Amounts are in the account's base currency; price and value are null when the instrument has no price by then.
/// <paramref name="PriceDate"/> is the close's own date; <paramref name="Stale"/> when it is more than five
/// trading days before the valuation date (docs/server-and-cli.md, "Price dates").
/// </summary>
public sealed record PositionDto(
    Guid AccountId,
    string AccountName,
    Guid InstrumentId,
    string Symbol,
    decimal Quantity,
    decimal CostBasis,
    string Currency,
    decimal? Price,
    DateOnly? PriceDate,
    bool Stale,
    decimal? MarketValue,
    decimal? UnrealisedGain);

public sealed record CashDto(Guid AccountId, string AccountName, string Currency, decimal Amount);
