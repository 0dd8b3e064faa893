namespace Glidepath.Domain.Valuation;

/// <summary>Values by date, sorted ascending, one per date: arrays so lookups are a binary search or a cursor.</summary>
internal sealed class DatedSeries
{
    public DatedSeries(IEnumerable<(DateOnly Date, decimal Value)> points)
    {
        // Stable sort, then the last value given for a date wins.
        var sorted = points.OrderBy(p => p.Date).ToList();
        var dates = new List<DateOnly>(sorted.Count);
        var values = new List<decimal>(sorted.Count);
        foreach (var (date, value) in sorted)
        {
            if (dates.Count > 0 && dates[^1] == date)
            {
                values[^1] = value;
                continue;
            }

            dates.Add(date);
            values.Add(value);
        }

        Dates = [.. dates];
        Values = [.. values];
    }

    public DateOnly[] Dates { get; }

    public decimal[] Values { get; }

    /// <summary>Index of the last point on or before <paramref name="date"/>, or -1.</summary>
    public int IndexOnOrBefore(DateOnly date)
    {
        var index = Array.BinarySearch(Dates, date);
        return index >= 0 ? index : ~index - 1;
    }
}
