using Glidepath.Domain.Transactions;

namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>
/// A history that starts mid-way sells units bought before its first row. Instead of failing, the
/// import names per security how many units it lacks and from when, so the user can give opening
/// lots (date and cost, or unknown basis) and import again.
/// </summary>
internal static class OpeningLots
{
    public const string Memo = "Opening lot (bought before the imported history)";

    /// <summary>The memo that flags a zero basis as unknown: the realised-gains report shows such sales as "basis unknown".</summary>
    public const string UnknownBasisMemo = "Opening lot, unknown basis";

    /// <summary>
    /// Walks the account's buys and sells (stored and from the file) in trade-date order per instrument and
    /// returns the deepest shortfall of each. Splits change the counts, so an instrument with a split
    /// is measured in the units of its last split.
    /// </summary>
    public static IReadOnlyList<OpeningLotRequest> Needed(Guid accountId, IEnumerable<Transaction> stored, TransactionImportRun run)
    {
        var requests = new List<OpeningLotRequest>();
        var history = stored.Where(t => t.AccountId == accountId).Concat(run.Rows).Where(t => t.InstrumentId is not null);
        foreach (var instrument in history.GroupBy(t => t.InstrumentId!.Value))
        {
            decimal held = 0m, deepest = 0m;
            DateOnly? first = null;
            foreach (var t in instrument.OrderBy(t => t.TradeDate).ThenBy(t => t.Type is TransactionType.Sell ? 1 : 0))
            {
                held += t.Type switch
                {
                    TransactionType.Buy or TransactionType.DividendReinvested or TransactionType.TransferIn => t.Quantity,
                    TransactionType.Sell or TransactionType.TransferOut => -t.Quantity,
                    _ => 0m,
                };
                if (t.Type is TransactionType.Split && t.SplitDenominator > 0)
                {
                    held = held * t.SplitNumerator / t.SplitDenominator;
                    deepest = deepest * t.SplitNumerator / t.SplitDenominator;
                }

                if (held < deepest)
                {
                    deepest = held;
                    first ??= t.TradeDate;
                }
            }

            if (deepest < 0m && run.SymbolOf.TryGetValue(instrument.Key, out var symbol))
            {
                requests.Add(new OpeningLotRequest(symbol, first!.Value, -deepest));
            }
        }

        return requests;
    }
}
