namespace Glidepath.Domain.MarketData;

/// <summary>
/// The rates the product reads from stored economic series (docs/analytics.md, "Risk-free rate";
/// docs/monte-carlo.md, "Default inflation"). Null when the series does not cover what is asked.
/// </summary>
public static class MacroRates
{
    /// <summary>
    /// CPI's compound annual growth over the <paramref name="years"/> before the latest observation on
    /// or before <paramref name="asOf"/>: (CPI_last / CPI_{last − years})^(1/years) − 1, the earlier
    /// level being the observation of the same month <paramref name="years"/> back. Null without both.
    /// </summary>
    public static double? TrailingCagr(IReadOnlyList<MacroObservation> cpi, DateOnly asOf, int years = 10)
    {
        var last = cpi.Where(o => o.Date <= asOf).MaxBy(o => o.Date);
        if (last is null)
        {
            return null;
        }

        var start = last.Date.AddYears(-years);
        var first = cpi.FirstOrDefault(o => o.Date == start);
        return first is null || first.Value <= 0m || last.Value <= 0m
            ? null
            : Math.Pow((double)(last.Value / first.Value), 1.0 / years) - 1.0;
    }

    /// <summary>
    /// The annual risk-free rate for a window: the mean of the yields (percent a year) observed from
    /// <paramref name="from"/> to <paramref name="to"/>, as a fraction; when none falls inside, the
    /// last one before <paramref name="from"/>. Null without any.
    /// </summary>
    public static double? AnnualRiskFree(IReadOnlyList<MacroObservation> yields, DateOnly from, DateOnly to)
    {
        var inside = yields.Where(o => o.Date >= from && o.Date <= to).ToList();
        if (inside.Count > 0)
        {
            return (double)inside.Average(o => o.Value) / 100.0;
        }

        return yields.Where(o => o.Date < from).MaxBy(o => o.Date) is { } before ? (double)before.Value / 100.0 : null;
    }
}
