using Glidepath.Domain.Transactions;

namespace Glidepath.Domain.TaxLots.WashSales;

/// <summary>
/// What the replay needs to apply the wash-sale rule: which instruments are substantially
/// identical, and every purchase of the history (buys and reinvested dividends) by group, in
/// replay order, so that a loss sale can find replacements bought up to 30 days after it.
/// </summary>
internal sealed class WashSaleMatching
{
    /// <summary>The window runs from 30 days before the sale to 30 days after it (61 days).</summary>
    public const int WindowDays = 30;

    private readonly Dictionary<Guid, List<Acquisition>> byGroup = [];

    public WashSaleMatching(SubstantiallyIdenticalSecurities identical, IEnumerable<Transaction> sortedHistory)
    {
        Identical = identical;
        foreach (var t in sortedHistory)
        {
            if (t.Type is TransactionType.Buy or TransactionType.DividendReinvested && t.InstrumentId is { } instrumentId)
            {
                var group = identical.GroupOf(instrumentId);
                if (!byGroup.TryGetValue(group, out var list))
                {
                    list = [];
                    byGroup[group] = list;
                }

                list.Add(new Acquisition(t));
            }
        }
    }

    public SubstantiallyIdenticalSecurities Identical { get; }

    /// <summary>
    /// The group's purchases in replay order and the index of the first one traded after
    /// <paramref name="saleDate"/>; the caller walks on while they are at most 30 days after it.
    /// An index rather than an enumerator: this runs once per loss piece and allocates nothing.
    /// </summary>
    public (IReadOnlyList<Acquisition> Purchases, int First) After(Guid group, DateOnly saleDate) =>
        byGroup.TryGetValue(group, out var list) ? (list, FirstAfter(list, saleDate)) : ([], 0);

    /// <summary>
    /// Index of the first purchase traded after <paramref name="date"/> (the list is in replay order,
    /// so by trade date): a binary search, so a history of n sales costs n log n, not n².
    /// </summary>
    private static int FirstAfter(List<Acquisition> list, DateOnly date)
    {
        var (lo, hi) = (0, list.Count);
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (list[mid].Transaction.TradeDate <= date)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}

/// <summary>A purchase not yet replayed; <see cref="Available"/> is what earlier loss sales have not already claimed.</summary>
internal sealed class Acquisition(Transaction transaction)
{
    public Transaction Transaction { get; } = transaction;

    public decimal Available { get; set; } = transaction.Quantity;
}
