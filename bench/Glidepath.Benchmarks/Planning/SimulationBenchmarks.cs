using BenchmarkDotNet.Attributes;
using Glidepath.Domain.Planning;
using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Benchmarks.Planning;

/// <summary>The benchmark scenario (examples/benchmark-retirement.json) at 100k and 1M paths.</summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private SimulationInput _input = null!;

    [Params(100_000, 1_000_000)]
    public int Paths { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "benchmark-retirement.json"));
        _input = ScenarioParser.Parse(json)
            .Match(document => ScenarioCompiler.Compile(document with { Paths = Paths, Seed = 42 }, null), problem => problem)
            .Match(compiled => compiled.Input, problem => throw new InvalidOperationException($"benchmark scenario: {problem}"));
    }

    [Benchmark]
    public double BenchmarkRetirement() => MonteCarloSimulator.Run(_input).SuccessProbability;
}
