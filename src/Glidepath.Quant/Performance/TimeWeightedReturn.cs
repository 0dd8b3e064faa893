namespace Glidepath.Quant.Performance;

/// <summary>Daily-linked true time-weighted return (TTWROR).</summary>
/// <remarks>
/// Follows Portfolio Performance's documented convention (help.portfolio-performance.info,
/// "Time-Weighted Rate of Return"): every holding period is one day, inflows arrive at the very
/// start of the day and outflows leave at its very end, so
/// <c>1 + r_t = (MVE_t + CFout_t) / (MVE_{t-1} + CFin_t)</c>, and the period return is the
/// product of the daily growth factors minus one.
/// </remarks>
public static class TimeWeightedReturn
{
    /// <summary>
    /// Return of one holding period, <c>(MVE - flowAtEnd) / (MVB + flowAtStart) - 1</c>, flows signed
    /// (deposit positive, withdrawal negative). A period with nothing invested
    /// (MVB + flowAtStart = 0) earns zero, as Portfolio Performance shows before a first purchase.
    /// </summary>
    public static double HoldingPeriodReturn(double valueBegin, double valueEnd, double flowAtStart, double flowAtEnd)
    {
        var invested = valueBegin + flowAtStart;
        if (invested == 0.0)
        {
            return 0.0;
        }

        return (valueEnd - flowAtEnd) / invested - 1.0;
    }

    /// <summary>
    /// Links daily holding periods. <paramref name="endValues"/>[t] is the market value at the end
    /// of day t after all flows; <paramref name="netFlows"/>[t] is the day's external flow
    /// (positive = deposit, taken at the start of the day; negative = withdrawal, taken at
    /// its end). <paramref name="startValue"/> is the value at the end of the day before day 0.
    /// </summary>
    public static TimeWeightedResult Daily(double startValue, ReadOnlySpan<double> endValues, ReadOnlySpan<double> netFlows)
    {
        if (endValues.Length != netFlows.Length)
        {
            throw new ArgumentException("One flow per valuation day is required.", nameof(netFlows));
        }

        var daily = new double[endValues.Length];
        var cumulative = new double[endValues.Length];
        var growth = 1.0;
        var previous = startValue;
        for (var t = 0; t < endValues.Length; t++)
        {
            var deposit = Math.Max(netFlows[t], 0.0);
            var withdrawal = Math.Min(netFlows[t], 0.0);
            daily[t] = HoldingPeriodReturn(previous, endValues[t], deposit, withdrawal);
            growth *= 1.0 + daily[t];
            cumulative[t] = growth - 1.0;
            previous = endValues[t];
        }

        return new TimeWeightedResult(growth - 1.0, daily, cumulative);
    }

    /// <summary>Product of (1 + r) minus one.</summary>
    public static double Link(ReadOnlySpan<double> periodReturns)
    {
        var growth = 1.0;
        foreach (var r in periodReturns)
        {
            growth *= 1.0 + r;
        }

        return growth - 1.0;
    }

    /// <summary>
    /// Annualises a period return over <paramref name="calendarDays"/> days on a 365-day year,
    /// as Portfolio Performance's "TTWROR p.a.": <c>(1 + r)^(365/days) - 1</c>.
    /// </summary>
    public static double AnnualiseByDays(double periodReturn, int calendarDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(calendarDays);
        return Math.Pow(1.0 + periodReturn, 365.0 / calendarDays) - 1.0;
    }
}

/// <summary>Linked return of the whole range, each day's return, and the running cumulative return.</summary>
public sealed record TimeWeightedResult(double Cumulative, double[] DailyReturns, double[] CumulativeSeries);
