using Glidepath.Domain.Instruments;
using Glidepath.Domain.Portfolios;
using Glidepath.Domain.Pricing;
using Glidepath.Domain.Strategies;

namespace Glidepath.Domain.Tests.Strategies;

/// <summary>
/// The worked example of docs/strategies.md ("Performance", the table): 60 % A and 40 % B, closes worked by hand, so
/// the expected figures are the document's arithmetic, not the code's output.
/// </summary>
public class StrategyPerformanceTest
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();

    private static readonly DateOnly Published = new(2024, 1, 30);

    private static Dictionary<AssetClass, IReadOnlyList<PriceClose>> Closes() => new()
    {
        [AssetClass.UsEquity] =
        [
            new(A, new DateOnly(2024, 1, 29), 90m), // before publication: only a fallback, never a valuation day
            new(A, new DateOnly(2024, 1, 30), 100m), new(A, new DateOnly(2024, 1, 31), 110m),
            new(A, new DateOnly(2024, 2, 1), 99m), new(A, new DateOnly(2024, 2, 2), 108.9m),
        ],
        [AssetClass.Bonds] =
        [
            new(B, new DateOnly(2024, 1, 30), 50m), new(B, new DateOnly(2024, 1, 31), 50m),
            new(B, new DateOnly(2024, 2, 1), 55m), new(B, new DateOnly(2024, 2, 2), 55m),
        ],
    };

    private static StrategyPeriod Sixty40(RebalancingRule rule) =>
        new(Published, [new TargetAllocation(AssetClass.UsEquity, 0.6m), new TargetAllocation(AssetClass.Bonds, 0.4m)], rule);

    [Fact]
    public void Monthly_RebalancesAtTheFirstCloseOfFebruary_AsWorkedByHand()
    {
        var result = StrategyPerformance.Compute([Sixty40(RebalancingRule.Monthly)], Closes(), new DateOnly(2024, 2, 2));

        // 30 Jan: 1 → 0.006 A + 0.008 B. 31 Jan: 0.66 + 0.40 = 1.06. 1 Feb: 0.594 + 0.44 = 1.034, then back to 60/40.
        // 2 Feb: 0.6 × 1.034 × 108.9/99 + 0.4 × 1.034 × 55/55 = 0.68244 + 0.4136 = 1.09604.
        Assert.Equal([1.0, 1.06, 1.034, 1.09604], result.Points.Select(p => Math.Round(p.Value, 12)));
        Assert.Equal(0.09604, result.Ttwror!.Value, 12);
        Assert.Equal(new DateOnly(2024, 1, 30), result.BaseDate);
        Assert.Equal(1, result.Rebalances);

        // The fall from 1.06 (31 Jan) to 1.034 (1 Feb): 0.026 / 1.06.
        Assert.Equal(0.026 / 1.06, result.MaxDrawdown!.Value, 12);
        Assert.Equal((new DateOnly(2024, 1, 31), new DateOnly(2024, 2, 1)), (result.PeakDate, result.TroughDate));
        Assert.Equal(0.026 / 1.06, result.Points[2].Drawdown, 12);
        Assert.Null(result.AnnualisedTtwror); // three days: not annualised
    }

    [Fact]
    public void BuyAndHold_LetsTheWeightsDrift()
    {
        var result = StrategyPerformance.Compute([Sixty40(RebalancingRule.BuyAndHold)], Closes(), new DateOnly(2024, 2, 2));

        // 2 Feb: 0.006 × 108.9 + 0.008 × 55 = 0.6534 + 0.44 = 1.0934.
        Assert.Equal(0.0934, result.Ttwror!.Value, 12);
        Assert.Equal(0, result.Rebalances);
    }

    [Fact]
    public void Cash_EarnsNothing_AndAClassWithoutACloseYetDelaysTheBase()
    {
        var half = new StrategyPeriod(Published, [new TargetAllocation(AssetClass.Bonds, 0.5m), new TargetAllocation(AssetClass.Cash, 0.5m)], RebalancingRule.Quarterly);
        var result = StrategyPerformance.Compute([half], Closes(), new DateOnly(2024, 2, 2));

        // 0.5 in B (50 → 55) and 0.5 in cash: 0.5 × 1.1 + 0.5 = 1.05; no quarter starts in between.
        Assert.Equal(0.05, result.Ttwror!.Value, 12);
        Assert.Equal(0, result.Rebalances);

        var late = new Dictionary<AssetClass, IReadOnlyList<PriceClose>>(Closes()) { [AssetClass.Bonds] = [new(B, new DateOnly(2024, 2, 1), 55m)] };
        var delayed = StrategyPerformance.Compute([Sixty40(RebalancingRule.Monthly)], late, new DateOnly(2024, 2, 2));
        Assert.Equal(new DateOnly(2024, 2, 1), delayed.BaseDate);

        // 0.6 × 108.9/99 + 0.4 = 1.06 (B's close of 1 Feb carried forward).
        Assert.Equal(0.06, delayed.Ttwror!.Value, 12);
    }

    [Fact]
    public void ARevision_RebalancesToItsTargetsAtItsFirstClose()
    {
        var allInA = new StrategyPeriod(new DateOnly(2024, 2, 1), [new TargetAllocation(AssetClass.UsEquity, 1m)], RebalancingRule.BuyAndHold);
        var result = StrategyPerformance.Compute([Sixty40(RebalancingRule.BuyAndHold), allInA], Closes(), new DateOnly(2024, 2, 2));

        // 1 Feb: 1.034 drifted, then all of it in A at 99; 2 Feb: 1.034 × 1.1 = 1.1374.
        Assert.Equal(0.1374, result.Ttwror!.Value, 12);
        Assert.Equal(1, result.Rebalances);
    }

    [Fact]
    public void NothingAfterPublication_IsNoFigures()
    {
        var result = StrategyPerformance.Compute([Sixty40(RebalancingRule.Monthly) with { EffectiveOn = new DateOnly(2024, 3, 1) }], Closes(), new DateOnly(2024, 3, 5));

        Assert.Empty(result.Points);
        Assert.Null(result.Ttwror);
        Assert.Null(result.MaxDrawdown);
    }

    [Theory]
    [InlineData(RebalancingRule.Monthly, "2024-01-31", "2024-02-01", true)]
    [InlineData(RebalancingRule.Monthly, "2024-02-01", "2024-02-29", false)]
    [InlineData(RebalancingRule.Quarterly, "2024-03-28", "2024-04-01", true)]
    [InlineData(RebalancingRule.Quarterly, "2024-01-31", "2024-02-01", false)]
    [InlineData(RebalancingRule.Annually, "2023-12-29", "2024-01-02", true)]
    [InlineData(RebalancingRule.Annually, "2024-06-28", "2024-07-01", false)]
    [InlineData(RebalancingRule.BuyAndHold, "2023-12-29", "2024-01-02", false)]
    public void NewPeriod_FollowsTheCalendar(RebalancingRule rule, string previous, string day, bool expected) =>
        Assert.Equal(expected, StrategyPerformance.NewPeriod(rule, DateOnly.Parse(previous, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
}
