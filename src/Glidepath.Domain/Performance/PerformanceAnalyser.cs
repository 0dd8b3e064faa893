using Glidepath.Domain.Results;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Transactions;
using Glidepath.Domain.Valuation;
using Glidepath.Quant.Performance;
using Glidepath.Quant.Risk;

namespace Glidepath.Domain.Performance;

/// <summary>
/// Performance of a household, an account or a position over a date range, from the ledger and a
/// <see cref="PriceBook"/>: daily values and external flows, true time-weighted return (daily
/// holding periods, inflows at the start of the day and outflows at its end), money-weighted
/// return (XIRR), risk statistics and Cariño-linked contributions. Conventions: docs/analytics.md.
/// </summary>
public sealed class PerformanceAnalyser
{
    /// <summary>Risk periods are weekdays: 365.25 × 5/7 ≈ 261 a year.</summary>
    public const double PeriodsPerYear = 261.0;

    private readonly PriceBook prices;
    private readonly Dictionary<Guid, Instrument> instruments;

    public PerformanceAnalyser(PriceBook prices, IEnumerable<Instrument> instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        this.prices = prices ?? throw new ArgumentNullException(nameof(prices));
        this.instruments = instruments.ToDictionary(i => i.Id);
    }

    public Result<PerformanceReport> Analyse(IReadOnlyList<Account> accounts, IReadOnlyList<Transaction> transactions, PerformanceRequest request)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(request);
        var computed = new PerformanceSeriesCalculator(prices, instruments, accounts, request.Reporting)
            .Compute(transactions, request.Scope, request.From, request.To);
        if (!computed.TryGet(out var series, out var problem))
        {
            return problem;
        }

        var values = series.Values.Select(v => (double)v).ToArray();
        var flows = series.ExternalFlows.Select(f => (double)f).ToArray();
        var twr = TimeWeightedReturn.Daily((double)series.StartValue, values, flows);
        var days = series.Dates
            .Select((date, t) => new PerformanceDay(date, series.Values[t], series.ExternalFlows[t], twr.DailyReturns[t], twr.CumulativeSeries[t]))
            .ToList();
        var annualised = TimeWeightedReturn.AnnualiseByDays(twr.Cumulative, series.Dates.Length);

        var benchmark = BenchmarkValues(request, series.Dates);
        if (benchmark.Error is not null)
        {
            return ValuationProblems.From(benchmark.Error);
        }

        var risk = Risk(series.Dates, twr, annualised, benchmark.Values, request);
        var (byHolding, byClass) = Contributions(series, values, flows);
        return Result.Ok(new PerformanceReport(
            request.From,
            request.To,
            request.Reporting,
            series.StartValue,
            series.Values[^1],
            series.ExternalFlows.Sum(),
            twr.Cumulative,
            annualised,
            MoneyWeighted(series),
            risk,
            byHolding,
            byClass,
            days));
    }

    /// <summary>
    /// XIRR of the investor's flows: the start value paid in on the day of the close it was taken at
    /// (the day before the range, as Portfolio Performance dates it), deposits paid in and withdrawals
    /// taken out on their days, the end value taken out on the last day. Without flows the rate is
    /// then the annualised TWR, both over the same number of days.
    /// </summary>
    private static MoneyWeightedReturn MoneyWeighted(PerformanceSeries series)
    {
        var dates = new List<DateOnly> { series.Dates[0].AddDays(-1) };
        var amounts = new List<double> { -(double)series.StartValue };
        for (var t = 0; t < series.Dates.Length; t++)
        {
            if (series.ExternalFlows[t] != 0m)
            {
                dates.Add(series.Dates[t]);
                amounts.Add(-(double)series.ExternalFlows[t]);
            }
        }

        dates.Add(series.Dates[^1]);
        amounts.Add((double)series.Values[^1]);
        var result = Xirr.Solve(dates.ToArray(), amounts.ToArray());
        return new MoneyWeightedReturn(result.Status, result.Status == XirrStatus.Solved ? result.Rate : null, result.Roots);
    }

    /// <summary>Weekday periods: each Monday-to-Friday day closes a period; weekend days compound into the next one (or the last).</summary>
    internal static (double[] Returns, int[] EndDay) WeekdayPeriods(DateOnly[] dates, double[] dailyReturns)
    {
        var returns = new List<double>();
        var ends = new List<int>();
        var growth = 1.0;
        for (var t = 0; t < dates.Length; t++)
        {
            growth *= 1.0 + dailyReturns[t];
            if (dates[t].DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) || t == dates.Length - 1)
            {
                returns.Add(growth - 1.0);
                ends.Add(t);
                growth = 1.0;
            }
        }

        return ([.. returns], [.. ends]);
    }

    private static RiskReport Risk(DateOnly[] dates, TimeWeightedResult twr, double annualised, double[]? benchmarkValues, PerformanceRequest request)
    {
        var (returns, ends) = WeekdayPeriods(dates, twr.DailyReturns);
        var rf = request.RiskFreeRate / PeriodsPerYear;
        var wealth = new double[dates.Length + 1];
        wealth[0] = 1.0;
        for (var t = 0; t < dates.Length; t++)
        {
            wealth[t + 1] = 1.0 + twr.CumulativeSeries[t];
        }

        var drawdown = RiskStatistics.MaxDrawdown(wealth);
        var drawdownReport = new DrawdownReport(drawdown.Depth, dates[0].AddDays(drawdown.PeakIndex - 1), dates[0].AddDays(drawdown.TroughIndex - 1));
        BenchmarkReport? benchmark = null;
        if (benchmarkValues is not null)
        {
            var b = new double[ends.Length];
            for (var p = 0; p < ends.Length; p++)
            {
                var begin = p == 0 ? benchmarkValues[0] : benchmarkValues[ends[p - 1] + 1];
                b[p] = benchmarkValues[ends[p] + 1] / begin - 1.0;
            }

            var many = returns.Length >= 2;
            benchmark = new BenchmarkReport(
                request.BenchmarkId!.Value,
                benchmarkValues[^1] / benchmarkValues[0] - 1.0,
                many ? Finite(BenchmarkStatistics.Beta(returns, b)) : null,
                many ? Finite(BenchmarkStatistics.Alpha(returns, b, rf, PeriodsPerYear)) : null,
                many ? Finite(BenchmarkStatistics.TrackingError(returns, b, PeriodsPerYear)) : null,
                many ? Finite(BenchmarkStatistics.InformationRatio(returns, b, PeriodsPerYear)) : null);
        }

        if (returns.Length < 2)
        {
            return new RiskReport(returns.Length, null, null, null, drawdownReport, null, null, null, null, null, benchmark);
        }

        return new RiskReport(
            returns.Length,
            Finite(RiskStatistics.Volatility(returns, PeriodsPerYear)),
            Finite(RiskStatistics.Sharpe(returns, rf, PeriodsPerYear)),
            Finite(RiskStatistics.Sortino(returns, rf, PeriodsPerYear)),
            drawdownReport,
            Finite(annualised / drawdown.Depth),
            Finite(ValueAtRisk.Historical(returns, request.Confidence)),
            Finite(ValueAtRisk.HistoricalConditional(returns, request.Confidence)),
            Finite(ValueAtRisk.Parametric(returns, request.Confidence)),
            Finite(ValueAtRisk.ParametricConditional(returns, request.Confidence)),
            benchmark);
    }

    /// <summary>The benchmark's value (close × FX) at the close before the range and at each day's close.</summary>
    private (double[]? Values, ValuationError? Error) BenchmarkValues(PerformanceRequest request, DateOnly[] dates)
    {
        if (request.BenchmarkId is not { } id)
        {
            return (null, null);
        }

        if (!instruments.TryGetValue(id, out var instrument))
        {
            return (null, new ValuationError(PerformanceErrorCodes.BenchmarkUnavailable, $"Benchmark instrument {id} is unknown."));
        }

        var values = new double[dates.Length + 1];
        for (var t = -1; t < dates.Length; t++)
        {
            var day = t < 0 ? dates[0].AddDays(-1) : dates[t];
            var close = prices.Close(id, day);
            var fx = prices.Rate(instrument.Currency, request.Reporting, day);
            if ((close.Error ?? fx.Error) is { } missing)
            {
                return (null, new ValuationError(PerformanceErrorCodes.BenchmarkUnavailable, $"Benchmark {instrument.Symbol}: {missing.Message}"));
            }

            values[t + 1] = (double)(close.Value * fx.Value);
        }

        return (values, null);
    }

    /// <summary>
    /// Holding i's return contribution on day t is its gain over the day's TWR denominator
    /// (value at the previous close plus the day's inflow), so the day's contributions add up
    /// to its return; Cariño linking (<see cref="ReturnContribution"/>, unit weights) keeps the
    /// sum equal to the linked TWR.
    /// </summary>
    private (List<HoldingContribution>, List<AssetClassContribution>) Contributions(PerformanceSeries series, double[] values, double[] flows)
    {
        int days = values.Length, n = series.Holdings.Length;
        var weights = new double[days, n];
        var contributions = new double[days, n];
        var previous = (double)series.StartValue;
        for (var t = 0; t < days; t++)
        {
            var denominator = previous + Math.Max(flows[t], 0.0);
            for (var i = 0; i < n; i++)
            {
                weights[t, i] = 1.0;
                contributions[t, i] = denominator == 0.0 ? 0.0 : (double)series.Gains[t, i] / denominator;
            }

            previous = values[t];
        }

        var linked = ReturnContribution.ByHolding(weights, contributions);
        var byHolding = series.Holdings
            .Select((h, i) => h.InstrumentId is { } id
                ? new HoldingContribution(id, instruments[id].Symbol, instruments[id].AssetClass, linked[i])
                : new HoldingContribution(null, "cash", AssetClass.Cash, linked[i]))
            .OrderBy(c => c.Symbol, StringComparer.Ordinal)
            .ToList();
        var byClass = byHolding
            .GroupBy(c => c.AssetClass)
            .Select(g => new AssetClassContribution(g.Key, g.Sum(c => c.Contribution)))
            .OrderBy(c => c.AssetClass)
            .ToList();
        return (byHolding, byClass);
    }

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;
}
