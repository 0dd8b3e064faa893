namespace Glidepath.Server.Lots;

/// <summary>An open tax lot; <paramref name="LotId"/> is the transaction that opened it (kept through transfers).</summary>
public sealed record LotDto(
    Guid LotId,
    Guid AccountId,
    Guid InstrumentId,
    string Symbol,
    DateOnly AcquiredDate,
    decimal Quantity,
    decimal CostBasis,
    decimal CostPerUnit);
