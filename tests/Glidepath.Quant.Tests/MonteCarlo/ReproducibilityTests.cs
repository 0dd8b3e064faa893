using Glidepath.Quant.MonteCarlo;
using Glidepath.Quant.Tests.Fixtures;

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

    /// <summary>
    /// The oracle is an independent 1,000,000-path simulation of the same scenario (Fixtures/make_benchmark_success.py:
    /// numpy, written from docs/monte-carlo.md, its own random numbers, double balances). Both are estimates of the
    /// same probability, so they must agree within four standard errors of their difference (about ±0.0045 here;
    /// a wrong return, cash-flow or failure rule moves the success rate by far more).
    /// </summary>
    [Fact]
    public void Run_BenchmarkScenario_SuccessMatchesIndependentReference()
    {
        var reference = Fixture.Json("benchmark_success.json");
        var (p, se) = (reference.GetProperty("successProbability").GetDouble(), reference.GetProperty("standardError").GetDouble());

        var result = MonteCarloSimulator.Run(Scenarios.Benchmark(200_000, 3));

        var difference = Math.Sqrt((result.SuccessStandardError * result.SuccessStandardError) + (se * se));
        Assert.True(Math.Abs(result.SuccessProbability - p) <= 4 * difference, $"engine {result.SuccessProbability} vs reference {p} ± {se}");
        Assert.Equal(Math.Sqrt(result.SuccessProbability * (1 - result.SuccessProbability) / 200_000), result.SuccessStandardError, 12);
        Assert.Equal(60, result.Years.Count);
    }

    [Fact]
    public void Run_AntitheticWithPartialLastBlock_StandardErrorBelowPlain()
    {
        // 1500 paths: one full block and a last block of 480 (pairs i, i+240).
        var plain = MonteCarloSimulator.Run(Scenarios.Benchmark(1500, 8));
        var antithetic = MonteCarloSimulator.Run(Scenarios.Benchmark(1500, 8) with { Antithetic = true });

        Assert.InRange(antithetic.SuccessStandardError, 0.001, plain.SuccessStandardError);
        var reference = Fixture.Json("benchmark_success.json");
        var (p, se) = (reference.GetProperty("successProbability").GetDouble(), reference.GetProperty("standardError").GetDouble());
        Assert.True(Math.Abs(antithetic.SuccessProbability - p) <= 4 * Math.Sqrt((antithetic.SuccessStandardError * antithetic.SuccessStandardError) + (se * se)), $"{antithetic.SuccessProbability} vs {p}");
    }
}
