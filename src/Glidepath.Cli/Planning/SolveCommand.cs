using Glidepath.Domain.Results;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Glidepath.Domain.Planning;

namespace Glidepath.Cli.Planning;

/// <summary><c>glidepath solve SCENARIO.json --for saving|retirement-age|spending [--target 0.85] [--paths N] [--json]</c></summary>
public static class SolveCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario JSON file (docs/scenario-format.md)" };
        var lever = new Option<string>("--for") { Description = "saving | retirement-age | spending", Required = true };
        lever.AcceptOnlyFromAmong([.. Levers.Names]);
        var target = new Option<double?>("--target") { Description = "Success probability to reach (default: the scenario's targetSuccess, 0.85)" };
        var paths = new Option<int?>("--paths") { Description = "Paths per evaluation (overrides the scenario)" };
        var json = new Option<bool>("--json") { Description = "Write the result as JSON" };
        var command = new Command("solve", "Find the saving, retirement age or spending that reaches a success probability") { scenario, lever, target, paths, json };
        command.SetAction((parse, cancel) => Task.FromResult(CliRun.Guarded(parse, () =>
        {
            var file = parse.GetRequiredValue(scenario);
            var document = ScenarioFile.Read(file);
            document = document with { Paths = parse.GetValue(paths) ?? document.Paths };
            var solveFor = Levers.Parse(parse.GetRequiredValue(lever)) ?? throw new CliException($"--for: use {string.Join(", ", Levers.Names)}.");
            var goal = parse.GetValue(target) ?? document.TargetSuccess;
            var solved = PlanSolver.Solve(document, solveFor, goal, ScenarioFile.SeriesLoader(file), new Quant.MonteCarlo.SimulationOptions { CancellationToken = cancel });
            var result = solved.Match(r => r, refused => throw new CliException($"{file}: {refused}"));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(result, SimulationReport.IndentedJson));
                return 0;
            }

            var c = CultureInfo.InvariantCulture;
            output.WriteLine(solveFor switch
            {
                SolveFor.Saving => string.Create(c, $"monthly saving {result.Answer:N0} reaches success {result.SuccessProbability:P1} (target {goal:P0})"),
                SolveFor.Spending => string.Create(c, $"annual spending {result.Answer:N0} (today's money) reaches success {result.SuccessProbability:P1} (target {goal:P0})"),
                _ => string.Create(c, $"earliest retirement: month {result.Answer:F0}{(result.RetirementAge is { } age ? $", age {age:F1}" : "")}, success {result.SuccessProbability:P1} (target {goal:P0})"),
            });
            foreach (var point in result.Curve)
            {
                output.WriteLine(string.Create(c, $"  {point.Value,12:N0}  {point.SuccessProbability:P1}"));
            }

            return 0;
        })));
        return command;
    }
}
