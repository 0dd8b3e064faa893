namespace Glidepath.Server.Positions;

/// <summary>A household's holdings on <paramref name="AsOf"/>: positions (valued at the last close on or before it) and cash.</summary>
public sealed record PositionsDto(DateOnly AsOf, IReadOnlyList<PositionDto> Positions, IReadOnlyList<CashDto> Cash);

/// <summary>Amounts are in the account's base currency; price and value are null when the instrument has no price by then.</summary>
public sealed record PositionDto(
    Guid AccountId,
    string AccountName,
    Guid InstrumentId,
    string Symbol,
    decimal Quantity,
    decimal CostBasis,
    string Currency,
    decimal? Price,
    decimal? MarketValue,
    decimal? UnrealisedGain);

public sealed record CashDto(Guid AccountId, string AccountName, string Currency, decimal Amount);
