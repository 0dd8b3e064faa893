using Glidepath.Domain.Results;
using BenchmarkDotNet.Attributes;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.Valuation;

namespace Glidepath.Benchmarks.Ledger;

/// <summary>
/// Target (issue 2): a daily net-worth series of 20 accounts, 200 positions and 10 years of
/// daily prices in under 200 ms. Data is synthetic (<see cref="SyntheticHousehold"/>).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
[MemoryDiagnoser]
public class NetWorthSeriesBenchmark
{
    private SyntheticHousehold household = null!;
    private HouseholdValuer valuer = null!;

    [GlobalSetup]
    public void Setup()
    {
        household = new SyntheticHousehold(new DateOnly(2015, 1, 1), years: 10);
        valuer = new HouseholdValuer(new PriceBook(household.Closes, household.Rates), household.Instruments);
        var check = valuer.NetWorthSeries(household.Accounts, household.Transactions, Currency.Usd, household.Start, household.End);
        if (!check.Succeeded)
        {
            throw new InvalidOperationException("Synthetic history does not value: " + check.Problem);
        }
    }

    [Benchmark(Description = "Net-worth series, 10 years daily")]
    public int NetWorthSeries() =>
        valuer.NetWorthSeries(household.Accounts, household.Transactions, Currency.Usd, household.Start, household.End).Expect("net worth").Points.Count;

    [Benchmark(Description = "Ledger build (final state)")]
    public int LedgerBuild() => LedgerBuilder.Build(household.Accounts, household.Transactions).Expect("replay").Lots.Count;

    [Benchmark(Description = "PriceBook from 10 years of closes")]
    public PriceBook BuildPriceBook() => new(household.Closes, household.Rates);
}
