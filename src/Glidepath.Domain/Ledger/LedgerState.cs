using Glidepath.Domain.Currencies;

namespace Glidepath.Domain.Ledger;

/// <summary>
/// Everything derived from a household's transaction history: open lots, positions, cash and
/// realised gains. Amounts are in each account's base currency. Built by <see cref="LedgerBuilder"/>;
/// the persistence layer caches it and a test proves a rebuild equals the cache.
/// </summary>
public sealed record LedgerState(
    IReadOnlyList<TaxLot> Lots,
    IReadOnlyList<Position> Positions,
    IReadOnlyList<CashBalance> Cash,
    IReadOnlyList<RealisedGain> RealisedGains)
{
    /// <summary>Element-wise equality (record equality compares the lists by reference): rebuild versus cache.</summary>
    public bool ContentEquals(LedgerState other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Lots.SequenceEqual(other.Lots)
            && Positions.SequenceEqual(other.Positions)
            && Cash.SequenceEqual(other.Cash)
            && RealisedGains.SequenceEqual(other.RealisedGains);
    }
}

/// <summary>An open tax lot. <paramref name="LotId"/> is the id of the transaction that opened it and survives transfers.</summary>
public sealed record TaxLot(
    Guid AccountId,
    Guid InstrumentId,
    Guid LotId,
    DateOnly AcquiredDate,
    decimal Quantity,
    decimal CostBasis);

/// <summary>The sum of an account's open lots in one instrument.</summary>
public sealed record Position(Guid AccountId, Guid InstrumentId, decimal Quantity, decimal CostBasis);

/// <summary>An account's cash in its base currency.</summary>
public sealed record CashBalance(Guid AccountId, Currency Currency, decimal Amount);

public enum HoldingTerm
{
    ShortTerm,
    LongTerm,
}

/// <summary>The gain realised when a sale relieved (part of) one lot.</summary>
public sealed record RealisedGain(
    Guid AccountId,
    Guid InstrumentId,
    Guid SaleTransactionId,
    Guid LotId,
    DateOnly AcquiredDate,
    DateOnly SoldDate,
    decimal Quantity,
    decimal Proceeds,
    decimal CostBasis,
    HoldingTerm Term)
{
    public decimal Gain => Proceeds - CostBasis;
}
