using Glidepath.Domain.Advisors;

namespace Glidepath.Domain.Tests.Advisors;

/// <summary>
/// Slots from weekly hours across daylight-saving changes. The expected instants come from the published rules, not the
/// code: New York is UTC−5 (EST) before the second Sunday of March 02:00 and UTC−4 (EDT) after, until the first Sunday of
/// November 02:00 (US Energy Policy Act of 2005); in 2027 those Sundays are 14 March and 7 November.
/// </summary>
public class WeeklyAvailabilityTest
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Slots_MondayNineInNewYork_MoveOneHourEarlierInUtcAfterTheSpringChange()
    {
        var weekly = new[] { new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(11, 0)) };

        var slots = WeeklyAvailability.Slots(weekly, [], 60, NewYork, Utc(2027, 3, 8, 0), Utc(2027, 3, 16, 0));

        // 8 March (EST): 09:00 and 10:00 local are 14:00 and 15:00 UTC; 15 March (EDT): 13:00 and 14:00 UTC.
        Assert.Equal([Utc(2027, 3, 8, 14), Utc(2027, 3, 8, 15), Utc(2027, 3, 15, 13), Utc(2027, 3, 15, 14)], slots);
    }

    [Fact]
    public void Slots_AfterTheAutumnChange_MoveOneHourLaterInUtc()
    {
        var weekly = new[] { new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(10, 0)) };

        var slots = WeeklyAvailability.Slots(weekly, [], 60, NewYork, Utc(2027, 11, 1, 0), Utc(2027, 11, 9, 0));

        Assert.Equal([Utc(2027, 11, 1, 13), Utc(2027, 11, 8, 14)], slots);
    }

    [Fact]
    public void Slots_InTheSkippedHour_AreLeftOut_AndTheRepeatedHourIsBookedOnce()
    {
        var weekly = new[] { new WeeklyWindow(DayOfWeek.Sunday, new TimeOnly(1, 0), new TimeOnly(4, 0)) };

        var spring = WeeklyAvailability.Slots(weekly, [], 60, NewYork, Utc(2027, 3, 14, 0), Utc(2027, 3, 15, 0));
        var autumn = WeeklyAvailability.Slots(weekly, [], 60, NewYork, Utc(2027, 11, 7, 0), Utc(2027, 11, 8, 0));

        // 14 March: 01:00 EST = 06:00 UTC, 02:00 does not exist, 03:00 EDT = 07:00 UTC.
        Assert.Equal([Utc(2027, 3, 14, 6), Utc(2027, 3, 14, 7)], spring);
        // 7 November: 01:00 happens twice (05:00 and 06:00 UTC), the first is the slot; 02:00 and 03:00 EST are 07:00 and 08:00 UTC.
        Assert.Equal([Utc(2027, 11, 7, 5), Utc(2027, 11, 7, 7), Utc(2027, 11, 7, 8)], autumn);
    }

    [Fact]
    public void Slots_OnAnException_AreLeftOut_WholeDayOrOverlappingHours()
    {
        var weekly = new[] { new WeeklyWindow(DayOfWeek.Tuesday, new TimeOnly(9, 0), new TimeOnly(12, 0)) };
        var exceptions = new[]
        {
            new AvailabilityException(new DateOnly(2027, 1, 5), null, null),
            new AvailabilityException(new DateOnly(2027, 1, 12), new TimeOnly(10, 30), new TimeOnly(11, 0)),
        };

        var slots = WeeklyAvailability.Slots(weekly, exceptions, 60, TimeZoneInfo.Utc, Utc(2027, 1, 4, 0), Utc(2027, 1, 13, 0));

        Assert.Equal([Utc(2027, 1, 12, 9), Utc(2027, 1, 12, 11)], slots);
    }

    [Fact]
    public void Slots_ShorterThanTheWindow_FillItFromTheStart_AndNeverRunPastItsEnd()
    {
        var weekly = new[] { new WeeklyWindow(DayOfWeek.Wednesday, new TimeOnly(9, 0), new TimeOnly(10, 40)) };

        var slots = WeeklyAvailability.Slots(weekly, [], 45, TimeZoneInfo.Utc, Utc(2027, 1, 6, 0), Utc(2027, 1, 7, 0));

        Assert.Equal([Utc(2027, 1, 6, 9), Utc(2027, 1, 6, 9, 45)], slots);
    }
}
