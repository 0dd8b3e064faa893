using Glidepath.Domain.Currencies;
using Glidepath.Domain.ManualAssets;
using Glidepath.Domain.Results;

namespace Glidepath.Domain.Valuation;

/// <summary>One manual item's value in the reporting currency on a date; negative for a liability.</summary>
public sealed record ManualItemValue(Guid ManualAssetId, bool IsLiability, decimal Value);

/// <summary>
/// Values manual assets and liabilities: on each date the latest entry on or before it (none yet:
/// the item does not count), converted at that date's rate, a liability's balance subtracted.
/// </summary>
public sealed class ManualAssetValuer(PriceBook prices)
{
    public Result<List<ManualItemValue>> Value(IReadOnlyList<ManualAsset> items, Currency reporting, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(items);
        var values = new List<ManualItemValue>();
        var errors = new List<ValuationError>();
        foreach (var item in items)
        {
            var series = Series(item);
            var i = series.IndexOnOrBefore(date);
            if (i < 0)
            {
                continue;
            }

            var rate = prices.Rate(item.Currency, reporting, date);
            if (!rate.Found)
            {
                errors.Add(rate.Error!);
                continue;
            }

            values.Add(new ManualItemValue(item.Id, item.Kind == ManualAssetKind.Liability, Signed(item, series.Values[i]) * rate.Value));
        }

        return errors.Count > 0 ? ValuationProblems.From(errors) : values;
    }

    /// <summary>The items' total on every day of <paramref name="from"/>..<paramref name="to"/>, one value per day.</summary>
    public Result<decimal[]> DailyTotals(IReadOnlyList<ManualAsset> items, Currency reporting, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(items);
        var totals = new decimal[to.DayNumber - from.DayNumber + 1];
        var errors = new List<ValuationError>();
        foreach (var item in items)
        {
            var series = Series(item);
            for (var d = 0; d < totals.Length; d++)
            {
                var date = from.AddDays(d);
                var i = series.IndexOnOrBefore(date);
                if (i < 0)
                {
                    continue;
                }

                var rate = prices.Rate(item.Currency, reporting, date);
                if (!rate.Found)
                {
                    // One error per item is enough to say which pair is missing.
                    errors.Add(rate.Error!);
                    break;
                }

                totals[d] += Signed(item, series.Values[i]) * rate.Value;
            }
        }

        return errors.Count > 0 ? ValuationProblems.From(errors) : totals;
    }

    private static DatedSeries Series(ManualAsset item) => new(item.Values.Select(v => (v.Date, v.Amount)));

    private static decimal Signed(ManualAsset item, decimal amount) => item.Kind == ManualAssetKind.Liability ? -amount : amount;
}
