using Glidepath.Domain.Currencies;
using Glidepath.Domain.TaxLots.WashSales;

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
    IReadOnlyList<RealisedGain> RealisedGains,
    IReadOnlyList<WashSaleAdjustment>? WashSales = null)
{
    /// <summary>Element-wise equality (record equality compares the lists by reference): rebuild versus cache.</summary>
    public bool ContentEquals(LedgerState other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Lots.SequenceEqual(other.Lots)
            && Positions.SequenceEqual(other.Positions)
            && Cash.SequenceEqual(other.Cash)
            && RealisedGains.SequenceEqual(other.RealisedGains)
            && (WashSales ?? []).SequenceEqual(other.WashSales ?? []);
    }
}

/// <summary>
/// An open tax lot. <paramref name="LotId"/> is the id of the transaction that opened it and survives
/// transfers (a lot split by a wash sale gives its replacement part a derived id, see docs/wash-sales.md).
/// <paramref name="HoldingPeriodStart"/> is null unless a wash sale tacked a sold lot's holding period
/// on: then the holding period counts from it instead of <paramref name="AcquiredDate"/>.
/// </summary>
public sealed record TaxLot(
    Guid AccountId,
    Guid InstrumentId,
    Guid LotId,
    DateOnly AcquiredDate,
    decimal Quantity,
    decimal CostBasis,
    DateOnly? HoldingPeriodStart = null);

/// <summary>The sum of an account's open lots in one instrument.</summary>
public sealed record Position(Guid AccountId, Guid InstrumentId, decimal Quantity, decimal CostBasis);

/// <summary>An account's cash in its base currency.</summary>
public sealed record CashBalance(Guid AccountId, Currency Currency, decimal Amount);

public enum HoldingTerm
{
    ShortTerm,
    LongTerm,
}

/// <summary>
/// The gain realised when a sale relieved (part of) one lot. <paramref name="DisallowedLoss"/> is the
/// part of a loss a wash sale disallows (Form 8949 code W, a positive adjustment);
/// <paramref name="HoldingPeriodStart"/> is set when the lot's holding period was tacked, and
/// <paramref name="Term"/> counts from it.
/// </summary>
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
    HoldingTerm Term,
    decimal DisallowedLoss = 0m,
    DateOnly? HoldingPeriodStart = null)
{
    public decimal Gain => Proceeds - CostBasis;

    /// <summary>The gain or loss that counts for tax: the loss less what a wash sale disallowed.</summary>
    public decimal ReportableGain => Gain + DisallowedLoss;
}
