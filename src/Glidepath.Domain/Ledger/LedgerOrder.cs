using Glidepath.Domain.Transactions;

namespace Glidepath.Domain.Ledger;

/// <summary>
/// The replay order: trade date, then the in-day rank below, then transaction id (for stability).
/// Within a day: corporate actions first (a split takes effect at the open of its ex-date, so
/// same-day trades are in post-split units), then cash coming in, then acquisitions, then
/// transfers (out before in), then sales, then cash going out. Acquisitions before sales means a
/// same-day buy-and-sell is never refused for want of units.
/// </summary>
public static class LedgerOrder
{
    public static int InDayRank(TransactionType type) => type switch
    {
        TransactionType.Split => 0,
        TransactionType.Deposit => 1,
        TransactionType.Dividend => 2,
        TransactionType.Interest => 3,
        TransactionType.Buy => 4,
        TransactionType.DividendReinvested => 5,
        TransactionType.TransferOut => 6,
        TransactionType.TransferIn => 7,
        TransactionType.Sell => 8,
        TransactionType.Fee => 9,
        TransactionType.Withdrawal => 10,
        _ => int.MaxValue,
    };

    public static List<Transaction> Sort(IEnumerable<Transaction> transactions) =>
        transactions
            .OrderBy(t => t.TradeDate)
            .ThenBy(t => InDayRank(t.Type))
            .ThenBy(t => t.Id)
            .ToList();
}
