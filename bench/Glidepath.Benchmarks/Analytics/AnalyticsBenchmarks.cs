using BenchmarkDotNet.Attributes;
using Glidepath.Quant.Covariance;
using Glidepath.Quant.Optimization;

namespace Glidepath.Benchmarks.Analytics;

/// <summary>
/// Issue 4's targets: max-Sharpe long-only with bounds for ~500 assets (&lt; 50 ms), a 50-point
/// frontier for 100 assets (&lt; 100 ms), Ledoit-Wolf on 1,000 × 500 (&lt; 100 ms). The covariance
/// of the optimiser benchmarks is the constant-correlation Ledoit-Wolf estimate on the S&amp;P 500
/// 2001 H2 returns (the sample covariance is singular there: 486 stocks, 102 days).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class AnalyticsBenchmarks
{
    private double[,] _cov500 = null!;
    private double[] _mu500 = null!;
    private double[,] _cov100 = null!;
    private double[] _mu100 = null!;
    private double[,] _returns1000x500 = null!;
    private readonly PortfolioConstraints _max5 = new() { DefaultMax = 0.05 };

    [GlobalSetup]
    public void Setup()
    {
        var sp500 = BenchmarkData.Sp500Returns(486);
        _cov500 = LedoitWolf.ConstantCorrelation(sp500).Covariance;
        _mu500 = BenchmarkData.ColumnMeans(sp500);
        var sp100 = BenchmarkData.Sp500Returns(100);
        _cov100 = LedoitWolf.ConstantCorrelation(sp100).Covariance;
        _mu100 = BenchmarkData.ColumnMeans(sp100);
        _returns1000x500 = BenchmarkData.DowJonesLagged();
    }

    [Benchmark]
    public PortfolioResult MaxSharpe486AssetsMax5Percent() => PortfolioOptimizer.MaximumSharpe(_cov500, _mu500, 0.0, _max5);

    [Benchmark]
    public IReadOnlyList<PortfolioResult> Frontier50Points100Assets() =>
        PortfolioOptimizer.EfficientFrontier(_cov100, _mu100, 50, PortfolioConstraints.LongOnly);

    [Benchmark]
    public ShrinkageEstimate LedoitWolfConstantCorrelation1000x500() => LedoitWolf.ConstantCorrelation(_returns1000x500);

    [Benchmark]
    public ShrinkageEstimate LedoitWolfIdentity1000x500() => LedoitWolf.ScaledIdentity(_returns1000x500);
}
