using Glidepath.Domain.Ledger;

namespace Glidepath.Domain.Tests.TaxLots.WashSales;

/// <summary>The wash-sale examples of IRS Publication 550 (Investment Income and Expenses), chapter 4, "Wash Sales".</summary>
public partial class WashSaleTest
{
    /// <summary>
    /// Publication 550, Wash Sales, Example 1: 100 shares bought for $1,000, sold for $750, and within
    /// 30 days 100 shares of the same stock bought for $800. The $250 loss is disallowed and the new
    /// stock's basis is $1,050. (Dates are ours; the publication gives none.)
    /// </summary>
    [Fact]
    public void Build_Pub550Example1_DisallowsLossAndAddsItToNewStockBasis()
    {
        var account = h.Account("Brokerage");
        var x = h.Instrument("X");
        h.Deposit(account, Day("2024-01-02"), 2_000m);
        h.Buy(account, x, Day("2024-01-02"), 100m, 10m);
        var sale = h.Sell(account, x, Day("2024-06-03"), 100m, 7.50m);
        var replacement = h.Buy(account, x, Day("2024-06-20"), 100m, 8m);

        var state = h.BuildState();

        var gain = Gain(state, sale);
        Assert.Equal(-250m, gain.Gain);
        Assert.Equal(250m, gain.DisallowedLoss);
        Assert.Equal(0m, gain.ReportableGain);
        var lot = Lot(state, replacement);
        Assert.Equal(1_050m, lot.CostBasis);

        // Held 153 days (2 January to 3 June): the new stock's holding period starts 153 days before 20 June.
        Assert.Equal(Day("2024-01-19"), lot.HoldingPeriodStart);
    }

    /// <summary>
    /// Publication 550, Wash Sales, Example 2: 100 shares of M bought 24 September 2018 and sold
    /// 11 February 2019 at a $1,100 loss; 50 substantially identical shares bought on each of the 4
    /// days 13–16 February 2019. Half the loss ($550) goes to the basis of the 50 shares bought on
    /// 13 February and the other half to those bought on 14 February: earliest replacements first.
    /// </summary>
    [Fact]
    public void Build_Pub550Example2_MatchesEarliestReplacementsFirstByShareCount()
    {
        var account = h.Account("Brokerage");
        var m = h.Instrument("M");
        h.Deposit(account, Day("2018-09-24"), 10_000m);
        h.Buy(account, m, Day("2018-09-24"), 100m, 20m);
        var sale = h.Sell(account, m, Day("2019-02-11"), 100m, 9m);
        var buys = new[] { "2019-02-13", "2019-02-14", "2019-02-15", "2019-02-16" }.Select(d => h.Buy(account, m, Day(d), 50m, 10m)).ToArray();

        var state = h.BuildState();

        Assert.Equal(1_100m, Gain(state, sale).DisallowedLoss);
        Assert.Equal([1_050m, 1_050m, 500m, 500m], buys.Select(b => Lot(state, b).CostBasis));

        // Held 140 days: the holding periods of the 13 and 14 February shares start 140 days earlier.
        Assert.Equal([Day("2018-09-26"), Day("2018-09-27"), null, null], buys.Select(b => Lot(state, b).HoldingPeriodStart));
    }
}
