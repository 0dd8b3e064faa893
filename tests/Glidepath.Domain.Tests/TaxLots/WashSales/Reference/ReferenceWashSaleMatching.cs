using Glidepath.Domain.Results;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Domain.Transactions;

namespace Glidepath.Domain.Tests.TaxLots.WashSales.Reference;

/// <summary>Every purchase of the history by group, in replay order, found by a linear scan: the reference for the replay's forward window.</summary>
internal sealed class ReferenceWashSaleMatching
{
    public const int WindowDays = 30;

    private readonly Dictionary<Guid, List<Acquisition>> byGroup = [];

    public ReferenceWashSaleMatching(SubstantiallyIdenticalSecurities identical, IEnumerable<Transaction> sortedHistory)
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

    /// <summary>Purchases in the group traded after <paramref name="saleDate"/> and at most 30 days after it, in replay order.</summary>
    public IEnumerable<Acquisition> After(Guid group, DateOnly saleDate) =>
        byGroup.TryGetValue(group, out var list)
            ? list.Where(a => a.Transaction.TradeDate > saleDate && a.Transaction.TradeDate <= saleDate.AddDays(WindowDays))
            : [];
}

/// <summary>The reference build: <see cref="LedgerBuilder"/>'s checks and order, then <see cref="ReferenceLedgerReplay"/>.</summary>
internal static class ReferenceLedgerBuilder
{
    public static Result<LedgerState> Build(IReadOnlyList<Households.Account> accounts, IReadOnlyList<Transaction> transactions, LedgerOptions options, DateOnly asOf)
    {
        var history = LedgerBuilder.Prepare(accounts, transactions);
        if (history.Errors.Count > 0)
        {
            return LedgerProblems.From(history.Errors);
        }

        var replayed = history.Transactions.TakeWhile(t => t.TradeDate <= asOf).ToList();
        var replay = new ReferenceLedgerReplay(accounts, options.ApplyWashSales ? new ReferenceWashSaleMatching(options.Identical(), replayed) : null);
        foreach (var transaction in replayed)
        {
            replay.Apply(transaction);
        }

        return replay.Errors.Count > 0 ? LedgerProblems.From(replay.Errors) : replay.Snapshot();
    }
}
