using Glidepath.Domain.Pricing;

namespace Glidepath.Server.Demo;

/// <summary>The imported closes the demo trades at, indexed by trading day; every demo transaction falls on one.</summary>
internal sealed class DemoPriceTable
{
    private readonly Dictionary<(Guid InstrumentId, DateOnly Date), decimal> closes = [];
    private readonly List<DateOnly> tradingDays;

    public DemoPriceTable(IEnumerable<PriceClose> prices)
    {
        foreach (var price in prices)
        {
            closes[(price.InstrumentId, price.Date)] = price.Close;
        }

        tradingDays = [.. closes.Keys.Select(k => k.Date).Distinct().Order()];
    }

    public decimal Close(Guid instrumentId, DateOnly day) => closes[(instrumentId, day)];

    /// <summary>The trading day <paramref name="days"/> trading days after <paramref name="day"/> (settlement).</summary>
    public DateOnly After(DateOnly day, int days)
    {
        var index = tradingDays.BinarySearch(day);
        return tradingDays[Math.Min(index + days, tradingDays.Count - 1)];
    }

    /// <summary>First, middle and last trading day of every month from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public IEnumerable<DemoMonth> Months(DateOnly from, DateOnly to) =>
        tradingDays
            .Where(d => d >= from && d <= to)
            .GroupBy(d => (d.Year, d.Month))
            .Select(g => g.ToList())
            .Select(days => new DemoMonth(days[0], days[days.Count / 2], days[^1]));
}

internal sealed record DemoMonth(DateOnly First, DateOnly Middle, DateOnly Last)
{
    public int Year => First.Year;

    public int Month => First.Month;

    public bool EndsQuarter => Month % 3 == 0;
}
