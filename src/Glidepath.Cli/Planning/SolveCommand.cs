using Glidepath.Domain.Results;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Glidepath.Application.Planning;
using Glidepath.Cli.Hosting;
using Glidepath.Cli.Remote;
using Glidepath.Domain.Planning;
using Glidepath.Quant.MonteCarlo;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Cli.Planning;

/// <summary>
/// <c>glidepath solve (SCENARIO.json | --household ID --plan ID) --for saving|retirement-age|spending [--target 0.85] [--paths N] [--json]</c>:
/// a scenario file, or a stored plan snapshotted as the server's solve runs are (<see cref="PlanSnapshots"/>); with
/// <c>--server</c> the stored plan is solved on that server (<see cref="RemoteSimulation"/>) and prints the same.
/// </summary>
public static class SolveCommand
{
    public static Command Create(CliEnvironment? env = null, RemoteServer? remote = null)
    {
        var scenario = new Argument<string?>("scenario") { Description = "Scenario JSON file (docs/scenario-format.md)", Arity = ArgumentArity.ZeroOrOne };
        var household = new Option<Guid?>("--household") { Description = "With --plan: the household whose stored plan to solve (a fromLedger start is valued from its holdings)" };
        var plan = new Option<Guid?>("--plan") { Description = "With --household: the stored plan to solve" };
        var lever = new Option<string>("--for") { Description = "saving | retirement-age | spending", Required = true };
        lever.AcceptOnlyFromAmong([.. Levers.Names]);
        var target = new Option<double?>("--target") { Description = "Success probability to reach (default: the scenario's targetSuccess, 0.85)" };
        var paths = new Option<int?>("--paths") { Description = "Paths per evaluation (overrides the scenario)" };
        var json = new Option<bool>("--json") { Description = "Write the result as JSON" };
        var command = new Command("solve", "Find the saving, retirement age or spending that reaches a success probability, for a scenario file or a stored plan")
        {
            scenario, household, plan, lever, target, paths, json,
        };
        command.Validators.Add(result =>
        {
            var stored = result.GetValue(household) is not null || result.GetValue(plan) is not null;
            if (stored == (result.GetValue(scenario) is not null) || (stored && (result.GetValue(household) is null || result.GetValue(plan) is null)))
            {
                result.AddError("Give a scenario file, or --household ID and --plan ID (not both).");
            }
        });
        command.SetAction(async (parse, cancel) =>
        {
            var solveFor = Levers.Parse(parse.GetRequiredValue(lever)) ?? throw new CliException($"--for: use {string.Join(", ", Levers.Names)}.");
            var output = parse.InvocationConfiguration.Output;
            if (remote?.Address(parse) is { } server)
            {
                if (parse.GetValue(scenario) is not null)
                {
                    throw RemoteCommands.NotRemote("solve of a scenario file", "solve a stored plan with --household ID --plan ID");
                }

                var solved = await RemoteSimulation.SolveAsync(
                    remote.Adapter(server), parse.GetValue(household)!.Value, parse.GetValue(plan)!.Value, parse.GetRequiredValue(lever), parse.GetValue(target), parse.GetValue(paths), cancel);
                Write(output, solved, parse.GetValue(json));
                return 0;
            }

            if (parse.GetValue(scenario) is { } file)
            {
                return CliRun.Guarded(parse, () =>
                {
                    var document = ScenarioFile.Read(file);
                    document = document with { Paths = parse.GetValue(paths) ?? document.Paths };
                    return Solve(output, document, solveFor, parse.GetValue(target), ScenarioFile.SeriesLoader(file), file, parse.GetValue(json), cancel);
                });
            }

            env ??= CliEnvironment.FromProcess();
            await using var services = await CliDatabase.OpenAsync(env, cancel);
            await using var scope = services.CreateAsyncScope();
            var planId = parse.GetValue(plan)!.Value;
            var stored = await scope.ServiceProvider.GetRequiredService<Plans>().GetAsync(parse.GetValue(household)!.Value, planId, cancel);
            var snapshot = await stored.BindAsync(p => scope.ServiceProvider.GetRequiredService<PlanSnapshots>().PrepareAsync(p, parse.GetValue(paths), null, cancel));
            if (!snapshot.TryGet(out var prepared, out var problem))
            {
                return env.Fail(ExitCodes.Failure, problem.Field is { } field ? $"{field}: {problem.Message}" : problem.Message);
            }

            var series = scope.ServiceProvider.GetRequiredService<ReturnSeriesLoader>();
            return CliRun.Guarded(parse, () => Solve(output, prepared.Document, solveFor, parse.GetValue(target), series.Load, $"plan {planId}", parse.GetValue(json), cancel));
        });
        return command;
    }

    private static int Solve(
        TextWriter output, ScenarioDocument document, SolveFor solveFor, double? target, Func<SeriesDocument, HistoricalSeries> loader, string source, bool json, CancellationToken cancel)
    {
        var solved = PlanSolver.Solve(document, solveFor, target ?? document.TargetSuccess, loader, new SimulationOptions { CancellationToken = cancel });
        Write(output, solved.Match(r => r, refused => throw new CliException($"{source}: {refused}")), json);
        return 0;
    }

    /// <summary>From the solve's result alone, so a solve on a server prints the same lines.</summary>
    private static void Write(TextWriter output, SolveResult result, bool json)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(result, SimulationReport.IndentedJson));
            return;
        }

        var c = CultureInfo.InvariantCulture;
        output.WriteLine(result.Lever switch
        {
            SolveFor.Saving => string.Create(c, $"monthly saving {result.Answer:N0} reaches success {result.SuccessProbability:P1} (target {result.Target:P0})"),
            SolveFor.Spending => string.Create(c, $"annual spending {result.Answer:N0} (today's money) reaches success {result.SuccessProbability:P1} (target {result.Target:P0})"),
            _ => string.Create(c, $"earliest retirement: month {result.Answer:F0}{(result.RetirementAge is { } age ? $", age {age:F1}" : "")}, success {result.SuccessProbability:P1} (target {result.Target:P0})"),
        });
        foreach (var point in result.Curve)
        {
            output.WriteLine(string.Create(c, $"  {point.Value,12:N0}  {point.SuccessProbability:P1}"));
        }
    }
}
