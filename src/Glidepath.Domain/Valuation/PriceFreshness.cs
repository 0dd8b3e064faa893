namespace Glidepath.Domain.Valuation;

/// <summary>
/// When a close is too old to value with silently. Trading days are weekdays (no holiday
/// calendar): a close is stale on <c>asOf</c> when more than <see cref="MaxTradingDays"/> weekdays
/// lie after it, up to and including <c>asOf</c>. A Friday close is fresh through the next Friday
/// and stale from the Monday after; a holiday therefore costs a close one day of its grace.
/// </summary>
public static class PriceFreshness
{
    public const int MaxTradingDays = 5;

    public static bool IsStale(DateOnly priceDate, DateOnly asOf) => WeekdaysAfter(priceDate, asOf) > MaxTradingDays;

    /// <summary>Weekdays d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/> (0 when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public static int WeekdaysAfter(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber;
        if (days <= 0)
        {
            return 0;
        }

        var count = days / 7 * 5;
        var day = from.AddDays(days / 7 * 7);
        while (day < to)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                count++;
            }
        }

        return count;
    }
}
