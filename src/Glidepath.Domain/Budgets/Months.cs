using System.Globalization;

namespace Glidepath.Domain.Budgets;

/// <summary>Calendar months, each named by its first day (docs/budgets.md, "Months"): a trade date belongs to the month it falls in.</summary>
public static class Months
{
    public static DateOnly Of(DateOnly date) => new(date.Year, date.Month, 1);

    public static DateOnly LastDay(DateOnly month) => Of(month).AddMonths(1).AddDays(-1);

    /// <summary>The months from <paramref name="from"/>'s to <paramref name="to"/>'s, both included.</summary>
    public static IEnumerable<DateOnly> Between(DateOnly from, DateOnly to)
    {
        for (var m = Of(from); m <= Of(to); m = m.AddMonths(1))
        {
            yield return m;
        }
    }

    /// <summary>"2026-11" as a month, or null.</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
