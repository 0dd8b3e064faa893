using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Quant.Tests.MonteCarlo;

/// <summary>Small inputs shared by the engine tests.</summary>
internal static class Scenarios
{
    public static readonly double[,] BenchmarkCorrelations = { { 1, 0.8, 0.1 }, { 0.8, 1, 0.1 }, { 0.1, 0.1, 1 } };

    public static MonthlyLogNormal[] BenchmarkAssets() =>
        [MonthlyLogNormal.FromAnnual(0.065, 0.16), MonthlyLogNormal.FromAnnual(0.06, 0.18), MonthlyLogNormal.FromAnnual(0.025, 0.06)];

    public static NormalReturns OneAsset(double m, double s) => new([MonthlyLogNormal.FromAnnual(m, s)], new double[,] { { 1 } });

    /// <summary>The benchmark retirement scenario at a modest path count.</summary>
    public static SimulationInput Benchmark(int paths, ulong seed) => new()
    {
        StartBalance = 100_000,
        HorizonMonths = 720,
        Inflation = 0.025,
        Returns = new NormalReturns(BenchmarkAssets(), BenchmarkCorrelations),
        Allocation = new Allocation([0.5, 0.3, 0.2]),
        CashFlows =
        [
            new CashFlow(CashFlowKind.Contribution, 1000, 0, 359),
            new CashFlow(CashFlowKind.Withdrawal, 1500, 360, 719, CashFlowFrequency.Monthly, InflationIndexed: true),
        ],
        Paths = paths,
        Seed = seed,
    };
}
