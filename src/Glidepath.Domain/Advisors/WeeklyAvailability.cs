namespace Glidepath.Domain.Advisors;

/// <summary>One weekly window of an advisor's hours, in the advisor's own time zone (end after start, same day).</summary>
public sealed record WeeklyWindow(DayOfWeek Day, TimeOnly Start, TimeOnly End);

/// <summary>A date (in the advisor's time zone) with no hours, whole (<see cref="Start"/> and <see cref="End"/> null) or between two local times.</summary>
public sealed record AvailabilityException(DateOnly Date, TimeOnly? Start, TimeOnly? End)
{
    public bool Blocks(DateOnly date, TimeOnly slotStart, TimeOnly slotEnd) =>
        date == Date && (Start is null || End is null || (slotStart < End && slotEnd > Start));
}

/// <summary>
/// Bookable slots from weekly hours kept in the advisor's time zone (docs/advisors.md, "Scheduling"). Each window is
/// cut into slots of <c>slotMinutes</c> from its start; a slot whose local start does not exist (the hour skipped when
/// clocks go forward) is left out, and a local start that happens twice (the hour repeated when clocks go back) is the
/// first of the two instants. So "Monday 09:00 in New York" is 14:00 UTC in winter and 13:00 UTC in summer.
/// </summary>
public static class WeeklyAvailability
{
    /// <summary>Every slot start (UTC) with <paramref name="fromUtc"/> ≤ start &lt; <paramref name="toUtc"/>, ascending.</summary>
    public static IReadOnlyList<DateTimeOffset> Slots(
        IReadOnlyList<WeeklyWindow> weekly, IReadOnlyList<AvailabilityException> exceptions, int slotMinutes, TimeZoneInfo zone, DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        ArgumentNullException.ThrowIfNull(weekly);
        ArgumentNullException.ThrowIfNull(exceptions);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfLessThan(slotMinutes, 5);
        var slots = new List<DateTimeOffset>();
        // Local dates that can hold an instant of the range: one day either side covers every offset (±14 h).
        var first = DateOnly.FromDateTime(fromUtc.UtcDateTime).AddDays(-1);
        var last = DateOnly.FromDateTime(toUtc.UtcDateTime).AddDays(1);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            foreach (var window in weekly.Where(w => w.Day == date.DayOfWeek).OrderBy(w => w.Start))
            {
                var endMinute = (int)window.End.ToTimeSpan().TotalMinutes;
                for (var minute = (int)window.Start.ToTimeSpan().TotalMinutes; minute + slotMinutes <= endMinute; minute += slotMinutes)
                {
                    var start = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute));
                    var end = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute + slotMinutes));
                    if (!exceptions.Any(x => x.Blocks(date, start, end)) && ToUtc(date, start, zone) is { } instant && instant >= fromUtc && instant < toUtc)
                    {
                        slots.Add(instant);
                    }
                }
            }
        }

        return [.. slots.Distinct().Order()];
    }

    /// <summary>The instant of a local date and time in <paramref name="zone"/>: null inside a skipped hour, the earlier instant of a repeated one.</summary>
    public static DateTimeOffset? ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return null;
        }

        // Of the two offsets of a repeated hour, the larger one (daylight time) gives the earlier instant.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
