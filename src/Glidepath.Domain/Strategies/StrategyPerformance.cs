using Glidepath.Domain.Instruments;
using Glidepath.Domain.Portfolios;
using Glidepath.Domain.Pricing;
using Glidepath.Quant.Performance;
using Glidepath.Quant.Risk;

namespace Glidepath.Domain.Strategies;

/// <summary>The targets and rule in force from a date on (a strategy's revision).</summary>
public sealed record StrategyPeriod(DateOnly EffectiveOn, IReadOnlyList<TargetAllocation> Allocations, RebalancingRule Rule);

/// <summary>One valuation day: the growth of 1 invested at the base close, and the fall from the running peak (≥ 0).</summary>
public sealed record StrategyPerformancePoint(DateOnly Date, double Value, double Drawdown);

/// <summary>
/// Performance since publication: <see cref="Ttwror"/> from the base close to <see cref="EndDate"/>, annualised on a
/// 365-day year once the range spans a year, the largest peak-to-trough fall with its dates, and the daily series.
/// Everything is null (and the series empty) before the first close on which every weighted class has a price.
/// </summary>
public sealed record StrategyPerformanceResult(
    DateOnly? BaseDate,
    DateOnly? EndDate,
    double? Ttwror,
    double? AnnualisedTtwror,
    double? MaxDrawdown,
    DateOnly? PeakDate,
    DateOnly? TroughDate,
    int Rebalances,
    IReadOnlyList<StrategyPerformancePoint> Points);

/// <summary>
/// Simulates a strategy's targets on shared closes (docs/strategies.md, "Performance"): 1 is invested at the targets
/// at the base close (the first valuation day on or after publication on which every weighted class has a close on or
/// before it); each later valuation day (any proxy's close date) is valued at the latest close of each class on or
/// before it (cash is worth 1 throughout: 0 %); at the close of the first valuation day of a new month, quarter or year
/// (by the rule) the portfolio goes back to its targets, and at the first valuation day on or after a revision's date
/// to the new targets. No flows, costs, taxes or dividends beyond what the closes carry. The return is the daily-linked
/// TTWROR of Quant's <see cref="TimeWeightedReturn"/> (with no flows, the last value − 1) and the drawdown Quant's
/// <see cref="RiskStatistics.MaxDrawdown"/>.
/// </summary>
public static class StrategyPerformance
{
    public static StrategyPerformanceResult Compute(
        IReadOnlyList<StrategyPeriod> periods, IReadOnlyDictionary<AssetClass, IReadOnlyList<PriceClose>> closes, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(closes);
        var ordered = periods.OrderBy(p => p.EffectiveOn).ToList();
        var empty = new StrategyPerformanceResult(null, null, null, null, null, null, null, 0, []);
        if (ordered.Count == 0)
        {
            return empty;
        }

        var start = ordered[0].EffectiveOn;
        var series = closes.ToDictionary(c => c.Key, c => c.Value.OrderBy(p => p.Date).ToList());
        var needed = ordered.SelectMany(p => p.Allocations).Where(a => a.Weight > 0m && a.AssetClass != AssetClass.Cash).Select(a => a.AssetClass).Distinct().ToList();
        var dates = needed.Where(series.ContainsKey).SelectMany(c => series[c]).Select(p => p.Date)
            .Where(d => d >= start && d <= to).Distinct().Order().ToList();

        var cursor = needed.ToDictionary(c => c, _ => -1);
        var last = new Dictionary<AssetClass, double>();
        Dictionary<AssetClass, double>? units = null;
        var applied = -1;
        var rebalances = 0;
        var points = new List<(DateOnly Date, double Value)>();
        DateOnly? previous = null;

        foreach (var day in dates)
        {
            foreach (var assetClass in needed)
            {
                if (!series.TryGetValue(assetClass, out var list))
                {
                    continue;
                }

                var i = cursor[assetClass];
                while (i + 1 < list.Count && list[i + 1].Date <= day)
                {
                    i++;
                }

                cursor[assetClass] = i;
                if (i >= 0)
                {
                    last[assetClass] = (double)list[i].Close;
                }
            }

            var inForce = ordered.FindLastIndex(p => p.EffectiveOn <= day);
            if (units is null)
            {
                if (Priced(ordered[inForce]))
                {
                    units = Buy(ordered[inForce], 1.0);
                    applied = inForce;
                    points.Add((day, 1.0));
                    previous = day;
                }

                continue;
            }

            var value = units.Sum(u => u.Value * Price(u.Key));
            points.Add((day, value));
            if (inForce > applied && Priced(ordered[inForce]))
            {
                units = Buy(ordered[inForce], value);
                applied = inForce;
                rebalances++;
            }
            else if (NewPeriod(ordered[applied].Rule, previous!.Value, day))
            {
                units = Buy(ordered[applied], value);
                rebalances++;
            }

            previous = day;
        }

        if (points.Count == 0)
        {
            return empty;
        }

        var values = points.Select(p => p.Value).ToArray();
        var linked = TimeWeightedReturn.Daily(values[0], values.AsSpan(1), new double[values.Length - 1]).Cumulative;
        var drawdown = RiskStatistics.MaxDrawdown(values);
        var (baseDate, endDate) = (points[0].Date, points[^1].Date);
        var days = endDate.DayNumber - baseDate.DayNumber;
        var peak = double.MinValue;
        var withDrawdown = points.Select(p =>
        {
            peak = Math.Max(peak, p.Value);
            return new StrategyPerformancePoint(p.Date, p.Value, 1.0 - p.Value / peak);
        }).ToList();
        return new StrategyPerformanceResult(
            baseDate,
            endDate,
            linked,
            days >= 365 ? TimeWeightedReturn.AnnualiseByDays(linked, days) : null,
            drawdown.Depth,
            drawdown.Depth > 0 ? points[drawdown.PeakIndex].Date : null,
            drawdown.Depth > 0 ? points[drawdown.TroughIndex].Date : null,
            rebalances,
            withDrawdown);

        double Price(AssetClass assetClass) => assetClass == AssetClass.Cash ? 1.0 : last[assetClass];

        bool Priced(StrategyPeriod period) =>
            period.Allocations.Where(a => a.Weight > 0m).All(a => a.AssetClass == AssetClass.Cash || last.ContainsKey(a.AssetClass));

        Dictionary<AssetClass, double> Buy(StrategyPeriod period, double value) =>
            period.Allocations.Where(a => a.Weight > 0m).ToDictionary(a => a.AssetClass, a => (double)a.Weight * value / Price(a.AssetClass));
    }

    /// <summary>Whether <paramref name="day"/> opens a new rebalancing period after <paramref name="previous"/>.</summary>
    public static bool NewPeriod(RebalancingRule rule, DateOnly previous, DateOnly day) => rule switch
    {
        RebalancingRule.Monthly => previous.Year != day.Year || previous.Month != day.Month,
        RebalancingRule.Quarterly => previous.Year != day.Year || (previous.Month - 1) / 3 != (day.Month - 1) / 3,
        RebalancingRule.Annually => previous.Year != day.Year,
        _ => false,
    };
}
