using Glidepath.Domain.Results;
using FsCheck.Xunit;
using Glidepath.Domain.Ledger;

namespace Glidepath.Domain.Tests.TaxLots.WashSales.Reference;

/// <summary>
/// The replay with its indexed wash-sale matching gives exactly the state of the straightforward
/// reference replay (<see cref="ReferenceLedgerReplay"/>): the same lots with their ids, basis and
/// holding-period starts, the same gains with their disallowed losses, the same wash-sale matches
/// and cash, on dense random histories across taxable accounts and IRAs.
/// </summary>
public class ReplayEquivalenceTest
{
    [Property(Arbitrary = [typeof(WashSaleArbitraries)], MaxTest = 200)]
    public void Build_RandomWashSaleHistory_EqualsReferenceReplay(WashScript script)
    {
        var history = WashSaleHistory.Interpret(script);
        var (accounts, transactions) = (history.History.Accounts, history.History.Transactions);

        var built = LedgerBuilder.Build(accounts, transactions, history.Options, DateOnly.MaxValue);
        var reference = ReferenceLedgerBuilder.Build(accounts, transactions, history.Options, DateOnly.MaxValue);

        AssertSameState(reference, built);
    }

    [Property(Arbitrary = [typeof(WashSaleArbitraries)], MaxTest = 100)]
    public void Build_RandomWashSaleHistoryAsOfMidway_EqualsReferenceReplay(WashScript script)
    {
        var history = WashSaleHistory.Interpret(script);
        var (accounts, transactions) = (history.History.Accounts, history.History.Transactions);
        var midway = transactions.Count == 0 ? history.LastDay : transactions[transactions.Count / 2].TradeDate;

        var built = LedgerBuilder.Build(accounts, transactions, history.Options, midway);
        var reference = ReferenceLedgerBuilder.Build(accounts, transactions, history.Options, midway);

        AssertSameState(reference, built);
    }

    /// <summary>
    /// Longer histories than the property's, which also show that the generated histories exercise
    /// every path: taxable and permanent (IRA) replacements, lots split by a replacement, and claims
    /// on purchases made after the sale.
    /// </summary>
    [Fact]
    public void Build_LongSeededWashSaleHistories_EqualReferenceAndExerciseEveryPath()
    {
        var (permanent, taxable, splitOff, later) = (0, 0, 0, 0);
        for (var seed = 1; seed <= 12; seed++)
        {
            var history = WashSaleHistory.Interpret(WashSaleHistory.Seeded(seed, steps: 600));
            var (accounts, transactions) = (history.History.Accounts, history.History.Transactions);

            var built = LedgerBuilder.Build(accounts, transactions, history.Options, DateOnly.MaxValue);
            var reference = ReferenceLedgerBuilder.Build(accounts, transactions, history.Options, DateOnly.MaxValue);

            AssertSameState(reference, built);
            var ids = transactions.Select(t => t.Id).ToHashSet();
            var sales = transactions.ToDictionary(t => t.Id, t => t.TradeDate);
            var matches = built.Expect("replay").WashSales!;
            permanent += matches.Count(w => w.Permanent);
            taxable += matches.Count(w => !w.Permanent);
            splitOff += matches.Count(w => !ids.Contains(w.ReplacementLotId));
            later += matches.Count(w => w.ReplacementAcquiredDate > sales[w.SaleTransactionId]);
        }

        Assert.True(permanent > 10 && taxable > 10 && splitOff > 10 && later > 10, $"permanent {permanent}, taxable {taxable}, split off {splitOff}, later {later}");
    }

    /// <summary>
    /// A forward split doubles a used-up replacement lot's units but not its used units, so half of it
    /// can serve as a replacement again (a quirk of the rule's bookkeeping that the reference has): the
    /// index must take the lot back after the split.
    /// </summary>
    [Fact]
    public void Build_SplitOfUsedReplacementLot_MatchesReferenceReplay()
    {
        var h = new Glidepath.Testing.Ledger.LedgerHistoryBuilder();
        var first = h.Account("First");
        var second = h.Account("Second");
        var vti = h.Instrument("VTI");
        h.Buy(first, vti, Day("2024-03-01"), 10m, 100m);
        h.Buy(second, vti, Day("2024-01-02"), 10m, 100m);   // outside the first sale's window
        h.Buy(first, vti, Day("2024-03-05"), 10m, 90m);
        h.Sell(first, vti, Day("2024-03-10"), 10m, 80m);    // loss; the 5 March lot is its whole replacement
        h.Split(first, vti, Day("2024-03-12"), 2m, 1m);     // that lot: 20 units, 10 used
        h.Sell(second, vti, Day("2024-03-15"), 10m, 50m);   // loss; 10 units of the 5 March lot are free again

        var built = LedgerBuilder.Build(h.Accounts, h.Transactions, LedgerOptions.Default, DateOnly.MaxValue);
        var reference = ReferenceLedgerBuilder.Build(h.Accounts, h.Transactions, LedgerOptions.Default, DateOnly.MaxValue);

        AssertSameState(reference, built);
        Assert.Equal(2, built.Expect("replay").WashSales!.Count);
    }

    private static DateOnly Day(string iso) => Glidepath.Testing.Ledger.LedgerHistoryBuilder.Day(iso);

    private static void AssertSameState(Result<LedgerState> reference, Result<LedgerState> built)
    {
        var (expected, actual) = (reference.Expect("reference replay"), built.Expect("replay"));
        Assert.Equal(expected.Lots, actual.Lots);
        Assert.Equal(expected.RealisedGains, actual.RealisedGains);
        Assert.Equal(expected.WashSales!, actual.WashSales!);
        Assert.Equal(expected.Cash, actual.Cash);
        Assert.Equal(expected.Positions, actual.Positions);
        Assert.True(expected.ContentEquals(actual));
    }
}
