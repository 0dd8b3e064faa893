namespace Glidepath.Domain.Calendar;

/// <summary>
/// The one range of dates Glidepath accepts anywhere (API bodies and queries, CSV imports, prices):
/// 1900-01-01 to 2199-12-31. Wide enough for any real history and any plan horizon, narrow enough that
/// date arithmetic (a settlement date, a year's end, the day before a range) never leaves DateOnly.
/// </summary>
public static class ValidDates
{
    public static readonly DateOnly Min = new(1900, 1, 1);

    public static readonly DateOnly Max = new(2199, 12, 31);

    public const string Description = "between 1900-01-01 and 2199-12-31";

    public static bool Contains(DateOnly date) => date >= Min && date <= Max;

    public static bool ContainsYear(int year) => year >= Min.Year && year <= Max.Year;
}
