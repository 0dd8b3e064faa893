using Glidepath.Domain.Currencies;

namespace Glidepath.Domain.Valuation;

/// <summary>
/// A position's market value in the reporting currency. <paramref name="Price"/> is in the
/// instrument's currency: the last close on or before the valuation date, taken on <paramref name="PriceDate"/>.
/// </summary>
public sealed record PositionValue(Guid AccountId, Guid InstrumentId, decimal Quantity, decimal Price, DateOnly PriceDate, Currency PriceCurrency, decimal Value);

/// <summary>
/// An account's value in the reporting currency: positions plus (signed) cash. A liability's
/// balance is negative while money is owed, so its total reduces net worth.
/// </summary>
public sealed record AccountValue(Guid AccountId, bool IsLiability, IReadOnlyList<PositionValue> Holdings, decimal Positions, decimal Cash)
{
    public decimal Total => Positions + Cash;
}

/// <summary>Accounts and the manual assets and liabilities (<see cref="ManualItems"/>, empty unless added) in one currency.</summary>
public sealed record HouseholdValue(DateOnly Date, Currency Currency, IReadOnlyList<AccountValue> Accounts)
{
    public IReadOnlyList<ManualItemValue> ManualItems { get; init; } = [];

    public decimal Assets => Accounts.Where(a => !a.IsLiability).Sum(a => a.Total) + ManualItems.Where(m => !m.IsLiability).Sum(m => m.Value);

    public decimal Liabilities => Accounts.Where(a => a.IsLiability).Sum(a => a.Total) + ManualItems.Where(m => m.IsLiability).Sum(m => m.Value);

    public decimal Total => Assets + Liabilities;

    /// <summary>The oldest close the valuation uses (null without holdings): the date its prices are "as of".</summary>
    public DateOnly? PricesAsOf => Accounts.SelectMany(a => a.Holdings).Select(h => (DateOnly?)h.PriceDate).Min();

    /// <summary>True when any close used is stale on <see cref="Date"/> (<see cref="PriceFreshness"/>).</summary>
    public bool Stale => PricesAsOf is { } oldest && PriceFreshness.IsStale(oldest, Date);
}

public readonly record struct NetWorthPoint(DateOnly Date, decimal Value);

/// <summary>Net worth at the close of every calendar day of a range.</summary>
public sealed record NetWorthSeries(Currency Currency, IReadOnlyList<NetWorthPoint> Points);
