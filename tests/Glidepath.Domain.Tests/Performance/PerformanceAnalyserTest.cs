using System.Text.Json;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Performance;
using Glidepath.Domain.Transactions;
using Glidepath.Domain.Valuation;
using Glidepath.Quant.Performance;

namespace Glidepath.Domain.Tests.Performance;

/// <summary>
/// Household, account and position performance against make_performance.py, which replays the
/// same ledger in Python and finds external flows per scope from the transaction types.
/// </summary>
public sealed class PerformanceAnalyserTest
{
    private const double Tolerance = 1e-9;
    private static readonly PerformanceScenario Scenario = PerformanceScenario.Load();

    public static TheoryData<string> Queries() => ["household", "household-subrange", "brokerage", "ira", "ko-household", "ibm-ira"];

    [Theory]
    [MemberData(nameof(Queries))]
    public void Analyse_FixtureQuery_MatchesIndependentValues(string name)
    {
        var query = Scenario.Query(name);
        var expected = query.GetProperty("expected");
        var report = Analyse(Scenario.Request(query));

        Assert.Equal(expected.GetProperty("startValue").GetDouble(), (double)report.StartValue, 1e-8);
        var values = expected.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var flows = expected.GetProperty("flows").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var daily = expected.GetProperty("dailyReturns").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(values.Length, report.Days.Count);
        for (var t = 0; t < values.Length; t++)
        {
            Assert.Equal(values[t], (double)report.Days[t].Value, 1e-8);
            Assert.Equal(flows[t], (double)report.Days[t].ExternalFlow, 1e-8);
            Assert.Equal(daily[t], report.Days[t].Return, Tolerance);
        }

        Near(expected, "twr", report.TimeWeightedReturn);
        Near(expected, "twrAnnualised", report.AnnualisedTimeWeightedReturn);
        Assert.Equal(XirrStatus.Solved, report.MoneyWeightedReturn.Status);
        Near(expected, "mwr", report.MoneyWeightedReturn.Rate!.Value);

        var risk = report.Risk;
        Assert.Equal(expected.GetProperty("periods").GetInt32(), risk.Periods);
        Near(expected, "volatility", risk.Volatility!.Value);
        Near(expected, "sharpe", risk.Sharpe!.Value);
        Near(expected, "sortino", risk.Sortino!.Value);
        Near(expected, "maxDrawdown", risk.MaxDrawdown!.Depth);
        Assert.Equal(PerformanceScenario.Date(expected.GetProperty("peakDate")), risk.MaxDrawdown.PeakDate);
        Assert.Equal(PerformanceScenario.Date(expected.GetProperty("troughDate")), risk.MaxDrawdown.TroughDate);
        Near(expected, "calmar", risk.Calmar!.Value);
        Near(expected, "historicalVar", risk.HistoricalVar!.Value);
        Near(expected, "historicalCvar", risk.HistoricalCvar!.Value);
        Near(expected, "parametricVar", risk.ParametricVar!.Value);
        Near(expected, "parametricCvar", risk.ParametricCvar!.Value);

        if (expected.TryGetProperty("benchmark", out var benchmark))
        {
            var b = risk.Benchmark!;
            Near(benchmark, "cumulative", b.CumulativeReturn);
            Near(benchmark, "beta", b.Beta!.Value);
            Near(benchmark, "alpha", b.Alpha!.Value);
            Near(benchmark, "trackingError", b.TrackingError!.Value);
            Near(benchmark, "informationRatio", b.InformationRatio!.Value);
        }
        else
        {
            Assert.Null(risk.Benchmark);
        }

        var byHolding = expected.GetProperty("contributionByHolding");
        Assert.Equal(byHolding.EnumerateObject().Count(), report.ContributionByHolding.Count);
        foreach (var holding in report.ContributionByHolding)
        {
            Near(byHolding, holding.Symbol, holding.Contribution);
        }

        var byClass = expected.GetProperty("contributionByAssetClass");
        foreach (var group in report.ContributionByAssetClass)
        {
            Near(byClass, group.AssetClass.ToString(), group.Contribution);
        }

        Assert.Equal(report.TimeWeightedReturn, report.ContributionByHolding.Sum(c => c.Contribution), 1e-12);
    }

    /// <summary>
    /// Hand-worked (docs/analytics.md): 10 units at 10 = 100 at the start; day 1 a deposit of 50
    /// arrives at its start and the units close at 11: 160/150 − 1 = 1/15; day 2 the units close
    /// at 13 and 40 leaves at the end: (140 + 40)/160 − 1 = 1/8; linked (16/15)(9/8) − 1 = 0.2.
    /// </summary>
    [Fact]
    public void Analyse_DepositThenWithdrawal_LinksPortfolioPerformanceConvention()
    {
        var account = new Account { Name = "A", Type = AccountType.TaxableBrokerage };
        var fund = new Instrument { Symbol = "F", AssetClass = AssetClass.Bonds };
        var d0 = new DateOnly(2024, 1, 1);
        var prices = new PriceBook(
            [new(fund.Id, d0, 10m), new(fund.Id, d0.AddDays(1), 11m), new(fund.Id, d0.AddDays(2), 13m)], []);
        Transaction T(TransactionType type, DateOnly day, decimal amount = 0m, decimal quantity = 0m, decimal price = 0m) => new()
        {
            AccountId = account.Id,
            Type = type,
            TradeDate = day,
            SettlementDate = day,
            Amount = amount,
            Quantity = quantity,
            Price = price,
            InstrumentId = quantity > 0m ? fund.Id : null,
        };

        var transactions = new List<Transaction>
        {
            T(TransactionType.Deposit, d0, amount: 100m),
            T(TransactionType.Buy, d0, quantity: 10m, price: 10m),
            T(TransactionType.Deposit, d0.AddDays(1), amount: 50m),
            T(TransactionType.Withdrawal, d0.AddDays(2), amount: 40m),
        };

        var report = new PerformanceAnalyser(prices, [fund]).Analyse(
            [account], transactions, new PerformanceRequest(d0.AddDays(1), d0.AddDays(2), Glidepath.Domain.Currencies.Currency.Usd, PerformanceScope.Household)).Expect("value");

        Assert.Equal(160.0 / 150.0 - 1.0, report.Days[0].Return, 1e-15);
        Assert.Equal(180.0 / 160.0 - 1.0, report.Days[1].Return, 1e-15);
        Assert.Equal(0.2, report.TimeWeightedReturn, 1e-15);
        Assert.Equal(10m, report.NetExternalFlow);
        Assert.Equal(report.TimeWeightedReturn, report.ContributionByHolding.Single(c => c.InstrumentId == fund.Id).Contribution, 1e-15);
    }

    /// <summary>
    /// Without flows in the range the money-weighted return is the annualised TWR: the start value is the
    /// close of the day before <c>from</c> and is dated there (Portfolio Performance), so both compound
    /// over the same days. 10 units bought at 10 on 1 Jan, worth 8.37 on 12 Jan and 7.00 on 13 Jul:
    /// (70/83.7)^(365/182) − 1 either way. Dating the start value on <c>from</c> gave a rate over 181 days.
    /// </summary>
    [Fact]
    public void Analyse_RangeWithoutFlows_MoneyWeightedEqualsAnnualisedTwr()
    {
        var account = new Account { Name = "A", Type = AccountType.TaxableBrokerage };
        var fund = new Instrument { Symbol = "F", AssetClass = AssetClass.UsEquity };
        var d0 = new DateOnly(2021, 1, 1);
        var from = new DateOnly(2021, 1, 13);
        var to = new DateOnly(2021, 7, 13);
        var prices = new PriceBook([new(fund.Id, d0, 10m), new(fund.Id, from.AddDays(-1), 8.37m), new(fund.Id, new DateOnly(2021, 4, 1), 9.1m), new(fund.Id, to, 7m)], []);
        var transactions = new List<Transaction>
        {
            new() { AccountId = account.Id, Type = TransactionType.Deposit, TradeDate = d0, SettlementDate = d0, Amount = 100m },
            new() { AccountId = account.Id, Type = TransactionType.Buy, TradeDate = d0, SettlementDate = d0, InstrumentId = fund.Id, Quantity = 10m, Price = 10m },
        };

        var report = new PerformanceAnalyser(prices, [fund]).Analyse(
            [account], transactions, new PerformanceRequest(from, to, Glidepath.Domain.Currencies.Currency.Usd, PerformanceScope.Household)).Expect("value");

        var expected = Math.Pow(70.0 / 83.7, 365.0 / 182.0) - 1.0;
        Assert.Equal(expected, report.AnnualisedTimeWeightedReturn, 1e-12);
        Assert.Equal(XirrStatus.Solved, report.MoneyWeightedReturn.Status);
        Assert.Equal(report.AnnualisedTimeWeightedReturn, report.MoneyWeightedReturn.Rate!.Value, 1e-9);
    }

    [Fact]
    public void Analyse_UnknownAccount_FailsWithCode()
    {
        var query = Scenario.Request(Scenario.Query("household")) with { Scope = new PerformanceScope(Guid.NewGuid()) };
        var result = new PerformanceAnalyser(Scenario.Prices, Scenario.Instruments).Analyse(Scenario.Accounts, Scenario.Transactions, query);
        Assert.Equal(PerformanceErrorCodes.UnknownAccount, Assert.Single(result.Problem!.Items).Code);
    }

    [Fact]
    public void Analyse_BenchmarkWithoutEarlyClose_FailsWithCode()
    {
        var query = Scenario.Request(Scenario.Query("household")) with { From = new DateOnly(1999, 1, 1) };
        var result = new PerformanceAnalyser(Scenario.Prices, Scenario.Instruments).Analyse(Scenario.Accounts, Scenario.Transactions, query);
        Assert.Equal(PerformanceErrorCodes.BenchmarkUnavailable, Assert.Single(result.Problem!.Items).Code);
    }

    [Fact]
    public void Analyse_RangeEndingBeforeItStarts_FailsWithCode()
    {
        var query = Scenario.Request(Scenario.Query("household")) with { To = new DateOnly(1999, 2, 1) };
        var result = new PerformanceAnalyser(Scenario.Prices, Scenario.Instruments).Analyse(Scenario.Accounts, Scenario.Transactions, query);
        Assert.Equal(ValuationErrorCodes.InvalidRange, Assert.Single(result.Problem!.Items).Code);
    }

    private static PerformanceReport Analyse(PerformanceRequest request)
    {
        var result = new PerformanceAnalyser(Scenario.Prices, Scenario.Instruments).Analyse(Scenario.Accounts, Scenario.Transactions, request);
        Assert.True(result.Succeeded, result.ToString());
        return result.Expect("value");
    }

    private static void Near(JsonElement expected, string name, double actual)
    {
        var value = expected.GetProperty(name).GetDouble();
        Assert.True(Math.Abs(value - actual) <= Tolerance * Math.Max(1.0, Math.Abs(value)), $"{name}: expected {value}, got {actual}");
    }
}
