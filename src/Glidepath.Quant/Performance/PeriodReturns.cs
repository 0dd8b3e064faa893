namespace Glidepath.Quant.Performance;

/// <summary>Conversions between prices, log returns and simple returns, and their compounding.</summary>
public static class PeriodReturns
{
    /// <summary>Simple returns P_t / P_{t-1} - 1; one fewer than the prices.</summary>
    public static double[] FromPrices(ReadOnlySpan<double> prices)
    {
        if (prices.Length < 2)
        {
            return [];
        }

        var r = new double[prices.Length - 1];
        for (var t = 1; t < prices.Length; t++)
        {
            r[t - 1] = prices[t] / prices[t - 1] - 1.0;
        }

        return r;
    }

    /// <summary>Simple returns exp(l) - 1 from log returns l = ln(P_t / P_{t-1}).</summary>
    public static double[] FromLogReturns(ReadOnlySpan<double> logReturns)
    {
        var r = new double[logReturns.Length];
        for (var t = 0; t < r.Length; t++)
        {
            r[t] = Math.Exp(logReturns[t]) - 1.0;
        }

        return r;
    }

    /// <summary>Compounded return over all periods: Π(1 + r_t) - 1.</summary>
    public static double Cumulative(ReadOnlySpan<double> returns) => TimeWeightedReturn.Link(returns);

    /// <summary>
    /// Geometric annualised return (1 + cumulative)^(periodsPerYear / n) - 1. With
    /// <paramref name="periodsPerYear"/> = 1 it is the geometric mean periodic return.
    /// </summary>
    public static double Annualised(ReadOnlySpan<double> returns, double periodsPerYear)
    {
        ArgumentOutOfRangeException.ThrowIfZero(returns.Length);
        return Math.Pow(1.0 + Cumulative(returns), periodsPerYear / returns.Length) - 1.0;
    }

    /// <summary>Wealth index W_0 = 1, W_t = W_{t-1}(1 + r_t): n + 1 points.</summary>
    public static double[] WealthIndex(ReadOnlySpan<double> returns)
    {
        var w = new double[returns.Length + 1];
        w[0] = 1.0;
        for (var t = 0; t < returns.Length; t++)
        {
            w[t + 1] = w[t] * (1.0 + returns[t]);
        }

        return w;
    }
}
