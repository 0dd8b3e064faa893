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
            var matches = built.State!.WashSales!;
            permanent += matches.Count(w => w.Permanent);
            taxable += matches.Count(w => !w.Permanent);
            splitOff += matches.Count(w => !ids.Contains(w.ReplacementLotId));
            later += matches.Count(w => w.ReplacementAcquiredDate > sales[w.SaleTransactionId]);
        }

        Assert.True(permanent > 10 && taxable > 10 && splitOff > 10 && later > 10, $"permanent {permanent}, taxable {taxable}, split off {splitOff}, later {later}");
    }

    private static void AssertSameState(LedgerResult reference, LedgerResult built)
    {
        Assert.True(reference.Succeeded, string.Join("; ", reference.Errors));
        Assert.True(built.Succeeded, string.Join("; ", built.Errors));
        var (expected, actual) = (reference.State!, built.State!);
        Assert.Equal(expected.Lots, actual.Lots);
        Assert.Equal(expected.RealisedGains, actual.RealisedGains);
        Assert.Equal(expected.WashSales!, actual.WashSales!);
        Assert.Equal(expected.Cash, actual.Cash);
        Assert.Equal(expected.Positions, actual.Positions);
        Assert.True(expected.ContentEquals(actual));
    }
}
