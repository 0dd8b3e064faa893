using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Glidepath.Domain.Planning;
using Glidepath.Quant.MonteCarlo;
using Spectre.Console;

namespace Glidepath.Cli.Planning;

/// <summary><c>glidepath simulate SCENARIO.json [--paths N] [--seed S] [--json] [--bench]</c></summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario JSON file (docs/scenario-format.md)" };
        var paths = new Option<int?>("--paths") { Description = "Number of paths (overrides the scenario)" };
        var seed = new Option<ulong?>("--seed") { Description = "Random seed (overrides the scenario)" };
        var json = new Option<bool>("--json") { Description = "Write the result as JSON" };
        var bench = new Option<bool>("--bench") { Description = "Time a first run (cold: includes JIT), then five warm runs; report the peak working set" };
        var command = new Command("simulate", "Run a Monte Carlo simulation of a scenario") { scenario, paths, seed, json, bench };
        command.SetAction((parse, cancel) => Task.FromResult(CliRun.Guarded(parse, () =>
        {
            var file = parse.GetRequiredValue(scenario);
            var document = ScenarioFile.Read(file);
            document = document with { Paths = parse.GetValue(paths) ?? document.Paths, Seed = parse.GetValue(seed) ?? document.Seed };
            var input = CliRun.Compile(document, file);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(bench))
            {
                return Bench(input, output);
            }

            var result = CliRun.WithProgress(parse, json: parse.GetValue(json), p => MonteCarloSimulator.Run(input, new SimulationOptions { Progress = p, CancellationToken = cancel }));
            var goals = ScenarioCompiler.Flows(document).Any(f => f.Goal is not null)
                ? GoalFunding.Evaluate(document, ScenarioFile.SeriesLoader(file), new SimulationOptions { CancellationToken = cancel }).Value
                : null;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(SimulationReport.From(result, goals, document.Plan?.People[0].Age), SimulationReport.IndentedJson));
            }
            else
            {
                WriteSummary(output, result, goals);
            }

            return 0;
        })));
        return command;
    }

    /// <summary>
    /// A first run of the same size, timed on its own (cold: it includes compiling the engine), then
    /// five warm runs: wall and process CPU seconds (min and median), and the peak working set of the
    /// whole process. CPU time shows how much other load shared the machine.
    /// </summary>
    private static int Bench(SimulationInput input, TextWriter output)
    {
        var first = Stopwatch.StartNew();
        MonteCarloSimulator.Run(input);
        var firstSeconds = first.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        var wall = new List<double>();
        var cpu = new List<double>();
        SimulationResult? result = null;
        for (var run = 0; run < 5; run++)
        {
            // Each timed run starts from a clean heap, as a one-run process would.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            result = MonteCarloSimulator.Run(input);
            wall.Add(watch.Elapsed.TotalSeconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuStart).TotalSeconds);
        }

        process.Refresh();
        wall.Sort();
        cpu.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paths={result!.Paths} firstRunWallSeconds={firstSeconds:F3} warmRuns=5 wallSeconds(min/median)={wall[0]:F3}/{wall[2]:F3} cpuSeconds(min/median)={cpu[0]:F3}/{cpu[2]:F3} peakWorkingSetMB={process.PeakWorkingSet64 / 1048576.0:F1} processors={Environment.ProcessorCount} success={result.SuccessProbability:F4}"));
        return 0;
    }

    private static void WriteSummary(TextWriter o, SimulationResult r, IReadOnlyList<GoalSuccess>? goals)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(c, $"paths {r.Paths}, seed {r.Seed}"));
        o.WriteLine(string.Create(c, $"success probability {r.SuccessProbability:P2} (standard error {r.SuccessStandardError:P2})"));
        o.WriteLine(string.Create(c, $"terminal wealth, nominal: p5 {r.TerminalNominal.P5:N0}  p25 {r.TerminalNominal.P25:N0}  p50 {r.TerminalNominal.P50:N0}  p75 {r.TerminalNominal.P75:N0}  p95 {r.TerminalNominal.P95:N0}"));
        o.WriteLine(string.Create(c, $"terminal wealth, today's money: p5 {r.TerminalReal.P5:N0}  p50 {r.TerminalReal.P50:N0}  p95 {r.TerminalReal.P95:N0}"));
        if (r.MedianDepletionMonth is { } m)
        {
            o.WriteLine(string.Create(c, $"failed paths run out after {m / 12:F1} years (median)"));
        }

        o.WriteLine(string.Create(c, $"spending cut >10% below plan in {r.Spending.CutYearShare:P1} of planned years; lowest year/plan median {r.Spending.LowestSpendingRatioMedian:F2}"));
        foreach (var g in goals ?? [])
        {
            o.WriteLine(string.Create(c, $"goal {g.Goal} (priority {g.Priority}): success {g.SuccessProbability:P2}"));
        }
    }
}

/// <summary>What simulate and solve share: compile, progress bar, one-line errors.</summary>
internal static class CliRun
{
    public static SimulationInput Compile(ScenarioDocument document, string file)
    {
        var compiled = ScenarioCompiler.Compile(document, ScenarioFile.SeriesLoader(file));
        return compiled.Value?.Input ?? throw new CliException($"{file}: {compiled.Error}");
    }

    /// <summary>A Spectre progress bar when stdout is a terminal and the output is not JSON.</summary>
    public static T WithProgress<T>(ParseResult parse, bool json, Func<IProgress<double>?, T> work)
    {
        if (json || Console.IsOutputRedirected || parse.InvocationConfiguration.Output != Console.Out)
        {
            return work(null);
        }

        return AnsiConsole.Progress().Start(ctx =>
        {
            var task = ctx.AddTask("simulating", maxValue: 1.0);
            var result = work(new Progress<double>(v => task.Value = v));
            task.Value = 1.0;
            return result;
        });
    }

    public static int Guarded(ParseResult parse, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is CliException or InvalidInputException or IOException or OperationCanceledException or ArgumentException)
        {
            parse.InvocationConfiguration.Error.WriteLine($"error: {e.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }
}
