using Glidepath.Domain.Ledger;

namespace Glidepath.Domain.TaxLots;

/// <summary>
/// IRS Publication 550 ("Holding Period"): start counting on the day after acquisition; the
/// disposal day is part of the holding period; held more than one year is long-term. So a lot
/// sold on the anniversary of its purchase is short-term and the day after is long-term. Counting
/// from the day after also settles the leap-day cases the same way as the calendar-month rule
/// (a lot bought on the last day of a month completes a year on the last day of that month a year
/// later): see docs/ledger.md.
/// </summary>
public static class HoldingPeriod
{
    public static HoldingTerm Classify(DateOnly acquired, DateOnly disposed) =>
        disposed >= LongTermFrom(acquired) ? HoldingTerm.LongTerm : HoldingTerm.ShortTerm;

    /// <summary>The first disposal date that is long-term: one year after the day after acquisition.</summary>
    public static DateOnly LongTermFrom(DateOnly acquired)
    {
        var start = acquired.AddDays(1);

        // A year counted from 29 February has not passed on 28 February: it completes on 1 March.
        return start is { Month: 2, Day: 29 } ? new DateOnly(start.Year + 1, 3, 1) : start.AddYears(1);
    }
}
