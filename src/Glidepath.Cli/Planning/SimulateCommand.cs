using Glidepath.Domain.Results;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Glidepath.Application.Planning;
using Glidepath.Cli.Hosting;
using Glidepath.Cli.Remote;
using Glidepath.Domain.Planning;
using Glidepath.Quant.MonteCarlo;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Glidepath.Cli.Planning;

/// <summary>
/// <c>glidepath simulate (SCENARIO.json | --household ID --plan ID) [--paths N] [--seed S] [--json] [--bench] [--backend cpu|gpu|auto|ilgpu-cpu]</c>:
/// a scenario file, or a stored plan snapshotted as the server's runs are (<see cref="PlanSnapshots"/>: a
/// <c>fromLedger</c> start valued from the household's holdings); both run through <see cref="SimulationExecutor"/>.
/// Nothing is stored.
/// </summary>
public static class SimulateCommand
{
    /// <param name="env">The database settings and streams for <c>--household</c>/<c>--plan</c> (default: the process's).</param>
    /// <param name="remote">With <c>--server</c>, a stored plan runs on that server (<see cref="RemoteSimulation"/>).</param>
    public static Command Create(CliEnvironment? env = null, RemoteServer? remote = null)
    {
        var scenario = new Argument<string?>("scenario") { Description = "Scenario JSON file (docs/scenario-format.md)", Arity = ArgumentArity.ZeroOrOne };
        var household = new Option<Guid?>("--household") { Description = "With --plan: the household whose stored plan to run (a fromLedger start is valued from its holdings)" };
        var plan = new Option<Guid?>("--plan") { Description = "With --household: the stored plan to run" };
        var paths = new Option<int?>("--paths") { Description = "Number of paths (overrides the scenario)" };
        var seed = new Option<ulong?>("--seed") { Description = "Random seed (overrides the scenario)" };
        var json = new Option<bool>("--json") { Description = "Write the result as JSON" };
        var bench = new Option<bool>("--bench") { Description = "Time a first run (cold: includes JIT), then five warm runs; report the peak working set" };
        var backend = new Option<string>("--backend")
        {
            Description = "cpu (default: the full report), gpu (the ILGPU kernel on a CUDA device: success, depletion and terminal wealth), auto (gpu when a CUDA device exists and covers the scenario, else cpu), ilgpu-cpu (the kernel on ILGPU's CPU accelerator)",
            DefaultValueFactory = _ => "cpu",
        };
        backend.AcceptOnlyFromAmong("cpu", "gpu", "auto", "ilgpu-cpu");
        var command = new Command("simulate", "Run a Monte Carlo simulation of a scenario file or of a household's stored plan") { scenario, household, plan, paths, seed, json, bench, backend };
        command.Validators.Add(result =>
        {
            var stored = result.GetValue(household) is not null || result.GetValue(plan) is not null;
            if (stored == (result.GetValue(scenario) is not null) || (stored && (result.GetValue(household) is null || result.GetValue(plan) is null)))
            {
                result.AddError("Give a scenario file, or --household ID and --plan ID (not both).");
            }

            if (stored && result.GetValue(backend) is { } kind && kind != "cpu")
            {
                result.AddError("--backend other than cpu runs a scenario file only.");
            }
        });
        command.SetAction(async (parse, cancel) =>
        {
            if (remote?.Address(parse) is { } server)
            {
                if (parse.GetValue(bench) || parse.GetValue(scenario) is not null)
                {
                    throw RemoteCommands.NotRemote(parse.GetValue(bench) ? "--bench" : "simulate of a scenario file", "run a stored plan with --household ID --plan ID");
                }

                var report = await RemoteSimulation.RunAsync(
                    remote.Adapter(server), parse.GetValue(household)!.Value, parse.GetValue(plan)!.Value, parse.GetValue(paths), parse.GetValue(seed), cancel);
                Write(parse.InvocationConfiguration.Output, report, parse.GetValue(json));
                return 0;
            }

            if (parse.GetValue(scenario) is { } file)
            {
                return CliRun.Guarded(parse, () =>
                {
                    var document = ScenarioFile.Read(file);
                    document = document with { Paths = parse.GetValue(paths) ?? document.Paths, Seed = parse.GetValue(seed) ?? document.Seed };
                    if (parse.GetValue(backend) is not "cpu" and { } kind)
                    {
                        var input = CliRun.Compile(document, ScenarioFile.SeriesLoader(file), file);
                        if (GpuBackend.Open(kind, input) is { } gpu)
                        {
                            return GpuBackend.Run(gpu, input, parse.InvocationConfiguration.Output, parse.GetValue(json), parse.GetValue(bench));
                        }
                    }

                    return Run(parse, document, ScenarioFile.SeriesLoader(file), file, parse.GetValue(json), parse.GetValue(bench), cancel);
                });
            }

            env ??= CliEnvironment.FromProcess();
            await using var services = await CliDatabase.OpenAsync(env, cancel);
            await using var scope = services.CreateAsyncScope();
            var planId = parse.GetValue(plan)!.Value;
            var stored = await scope.ServiceProvider.GetRequiredService<Plans>().GetAsync(parse.GetValue(household)!.Value, planId, cancel);
            var snapshot = await stored.BindAsync(p => scope.ServiceProvider.GetRequiredService<PlanSnapshots>().PrepareAsync(p, parse.GetValue(paths), parse.GetValue(seed), cancel));
            if (!snapshot.TryGet(out var prepared, out var problem))
            {
                return env.Fail(ExitCodes.Failure, problem.Field is { } field ? $"{field}: {problem.Message}" : problem.Message);
            }

            var series = scope.ServiceProvider.GetRequiredService<ReturnSeriesLoader>();
            return CliRun.Guarded(parse, () => Run(parse, prepared.Document, series.Load, $"plan {planId}", parse.GetValue(json), parse.GetValue(bench), cancel));
        });
        return command;
    }

    private static int Run(ParseResult parse, ScenarioDocument document, Func<SeriesDocument, HistoricalSeries> loader, string source, bool json, bool bench, CancellationToken cancel)
    {
        var output = parse.InvocationConfiguration.Output;
        if (bench)
        {
            return Bench(CliRun.Compile(document, loader, source), output);
        }

        var simulated = CliRun.WithProgress(parse, json, p => SimulationExecutor.Simulate(document, loader, p, cancel));
        if (!simulated.TryGet(out var done, out var problem))
        {
            throw new CliException($"{source}: {problem.Field}: {problem.Message}");
        }

        Write(output, done.Report, json);
        return 0;
    }

    private static void Write(TextWriter output, SimulationReport.SimulationOutput report, bool json)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(report, SimulationReport.IndentedJson));
        }
        else
        {
            WriteSummary(output, report);
        }
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

    /// <summary>From the report (not the engine's result), so a run on a server prints the same lines.</summary>
    private static void WriteSummary(TextWriter o, SimulationReport.SimulationOutput r)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(c, $"paths {r.Paths}, seed {r.Seed}"));
        o.WriteLine(string.Create(c, $"success probability {r.SuccessProbability:P2} (standard error {r.SuccessStandardError:P2})"));
        o.WriteLine(string.Create(c, $"terminal wealth, nominal: p5 {r.TerminalWealth.P5:N0}  p25 {r.TerminalWealth.P25:N0}  p50 {r.TerminalWealth.P50:N0}  p75 {r.TerminalWealth.P75:N0}  p95 {r.TerminalWealth.P95:N0}"));
        o.WriteLine(string.Create(c, $"terminal wealth, today's money: p5 {r.TerminalWealthReal.P5:N0}  p50 {r.TerminalWealthReal.P50:N0}  p95 {r.TerminalWealthReal.P95:N0}"));
        if (r.MedianDepletionMonth is { } m)
        {
            o.WriteLine(string.Create(c, $"failed paths run out after {m / 12:F1} years (median)"));
        }

        o.WriteLine(string.Create(c, $"spending cut >10% below plan in {r.Spending.CutYearShare:P1} of planned years; lowest year/plan median {r.Spending.LowestSpendingRatioMedian:F2}"));
        if (r.Taxes is { } t)
        {
            o.WriteLine(string.Create(c, $"lifetime taxes, today's money: mean {t.MeanLifetimeReal:N0}  p10 {t.LifetimeReal.P10:N0}  p50 {t.LifetimeReal.P50:N0}  p90 {t.LifetimeReal.P90:N0}"));
            var peak = t.Years.MaxBy(y => y.MeanReal);
            if (peak is not null)
            {
                o.WriteLine(string.Create(c, $"highest tax year {peak.Year}: mean {peak.MeanReal:N0} in today's money"));
            }
        }

        foreach (var g in r.Goals ?? [])
        {
            o.WriteLine(string.Create(c, $"goal {g.Goal} (priority {g.Priority}): success {g.SuccessProbability:P2}"));
        }
    }
}

/// <summary>What simulate and solve share: compile, progress bar, one-line errors.</summary>
internal static class CliRun
{
    public static SimulationInput Compile(ScenarioDocument document, Func<SeriesDocument, HistoricalSeries> loader, string source)
    {
        var compiled = ScenarioCompiler.Compile(document, loader);
        return compiled.Match(c => c.Input, refused => throw new CliException($"{source}: {refused}"));
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
