using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Quant.Tests.MonteCarlo;

public class ReproducibilityTests
{
    [Fact]
    public void Run_SameSeedOneTwoAndThreeThreads_IdenticalOutput()
    {
        // 3000 paths = 3 blocks: the threads get different blocks in different orders.
        var input = Scenarios.Benchmark(3000, 99);

        var one = MonteCarloSimulator.Run(input, new SimulationOptions { MaxDegreeOfParallelism = 1 });
        var two = MonteCarloSimulator.Run(input, new SimulationOptions { MaxDegreeOfParallelism = 2 });
        var three = MonteCarloSimulator.Run(input, new SimulationOptions { MaxDegreeOfParallelism = 3 });

        foreach (var other in new[] { two, three })
        {
            Assert.Equal(one.TerminalBalances.ToArray(), other.TerminalBalances.ToArray());
            Assert.Equal(one.FailureMonths.ToArray(), other.FailureMonths.ToArray());
            Assert.Equal(one.Years, other.Years);
            Assert.Equal(one.SuccessProbability, other.SuccessProbability);
        }
    }

    [Fact]
    public void Run_DifferentSeeds_DifferentPaths()
    {
        var a = MonteCarloSimulator.Run(Scenarios.Benchmark(64, 1) with { HorizonMonths = 24, CashFlows = [] });
        var b = MonteCarloSimulator.Run(Scenarios.Benchmark(64, 2) with { HorizonMonths = 24, CashFlows = [] });

        Assert.NotEqual(a.TerminalBalances.ToArray(), b.TerminalBalances.ToArray());
    }

    [Fact]
    public void Run_PathCountChanges_SharedPathsKeepTheirDraws()
    {
        // Each path's stream depends on (seed, path index) only.
        var small = MonteCarloSimulator.Run(Scenarios.Benchmark(100, 5) with { HorizonMonths = 36, CashFlows = [] });
        var large = MonteCarloSimulator.Run(Scenarios.Benchmark(2500, 5) with { HorizonMonths = 36, CashFlows = [] });

        Assert.Equal(small.TerminalBalances.ToArray(), large.TerminalBalances[..100].ToArray());
    }

    [Fact]
    public void Run_BenchmarkScenario_SuccessNearIndependentEstimate()
    {
        var result = MonteCarloSimulator.Run(Scenarios.Benchmark(4000, 3));

        // Sanity band, not an oracle: the full 1M-path run gives about 0.718.
        Assert.InRange(result.SuccessProbability, 0.68, 0.76);
        Assert.Equal(Math.Sqrt(result.SuccessProbability * (1 - result.SuccessProbability) / 4000), result.SuccessStandardError, 12);
        Assert.Equal(60, result.Years.Count);
    }

    [Fact]
    public void Run_AntitheticWithPartialLastBlock_StandardErrorBelowPlain()
    {
        // 1500 paths: one full block and a last block of 480 (pairs i, i+240).
        var plain = MonteCarloSimulator.Run(Scenarios.Benchmark(1500, 8));
        var antithetic = MonteCarloSimulator.Run(Scenarios.Benchmark(1500, 8) with { Antithetic = true });

        Assert.InRange(antithetic.SuccessStandardError, 0.001, plain.SuccessStandardError);
        Assert.InRange(antithetic.SuccessProbability, 0.64, 0.80);
    }
}
