namespace Glidepath.Server.Demo;

/// <summary>
/// Moves the demo's real historical closes forward so that they are current: every date moves by
/// the same whole number of weeks (so a Monday's close stays a Monday's, weekends stay empty), and
/// the last close kept lands on the last weekday before the server's first start. The data is
/// cut after the latest trading day that falls on that weekday. Whole weeks are the nearest shift to
/// whole years that keeps weekdays for any start date (a 28-year shift keeps the calendar exactly,
/// but the 1990–2001 closes would stop reaching in 2029). See docs/server-and-cli.md, "Demo household".
/// </summary>
internal sealed record DemoCalendar(int OffsetDays, DateOnly FirstClose, DateOnly LastClose)
{
    /// <param name="tradingDays">The dates of the shipped closes, ascending.</param>
    /// <param name="firstStart">The day the server seeds the demo (today, UTC).</param>
    public static DemoCalendar For(IReadOnlyList<DateOnly> tradingDays, DateOnly firstStart)
    {
        ArgumentOutOfRangeException.ThrowIfZero(tradingDays.Count);
        var target = LastWeekdayBefore(firstStart);
        var last = tradingDays.Last(d => d.DayOfWeek == target.DayOfWeek);
        var offset = target.DayNumber - last.DayNumber;
        if (offset < 0)
        {
            // A clock earlier than the data's end (a test's fake time): no shift, cut at the target.
            return new DemoCalendar(0, tradingDays[0], tradingDays.Last(d => d <= target));
        }

        return new DemoCalendar(offset, tradingDays[0], last);
    }

    public DateOnly Shift(DateOnly date) => date.AddDays(OffsetDays);

    /// <summary>The shift in years, rounded (whole weeks are whole years give or take three days).</summary>
    public int Years => (int)Math.Round(OffsetDays / 365.2425, MidpointRounding.AwayFromZero);

    /// <summary>What the UI shows next to the demo household's valuations.</summary>
    public string Note => Years == 0
        ? $"Demo prices: real closes from {FirstClose.Year}–{LastClose.Year}."
        : $"Demo prices: real closes from {FirstClose.Year}–{LastClose.Year}, moved forward {Years} years.";

    private static DateOnly LastWeekdayBefore(DateOnly day)
    {
        var previous = day.AddDays(-1);
        while (previous.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            previous = previous.AddDays(-1);
        }

        return previous;
    }
}
