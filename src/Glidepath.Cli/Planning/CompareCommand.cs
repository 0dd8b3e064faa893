using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Glidepath.Application.Planning;
using Glidepath.Domain.Planning;

namespace Glidepath.Cli.Planning;

/// <summary>
/// <c>glidepath compare A.json B.json [...] [--paths N] [--seed S] [--json]</c>: scenario files side by
/// side with common random numbers: every file runs with the same seed and path count (the options, else
/// the first file's), so a difference between two lines comes from the scenarios, not from sampling.
/// </summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("scenarios") { Description = "Two or more scenario JSON files (docs/scenario-format.md)", Arity = new ArgumentArity(2, 8) };
        var paths = new Option<int?>("--paths") { Description = "Paths for every scenario (default: the first file's)" };
        var seed = new Option<ulong?>("--seed") { Description = "Seed for every scenario (default: the first file's)" };
        var json = new Option<bool>("--json") { Description = "Write [{ scenario, result }] as JSON" };
        var command = new Command("compare", "Simulate scenario files side by side with the same seed and paths") { files, paths, seed, json };
        command.SetAction((parse, cancel) => Task.FromResult(CliRun.Guarded(parse, () =>
        {
            var names = parse.GetValue(files)!;
            var documents = names.Select(f => (File: f, Document: ScenarioFile.Read(f))).ToList();
            var first = documents[0].Document;
            var (n, s) = (parse.GetValue(paths) ?? first.Paths, parse.GetValue(seed) ?? first.Seed);
            var reports = documents.Select(d =>
            {
                var document = d.Document with { Paths = n, Seed = s };
                var simulated = SimulationExecutor.Simulate(document, ScenarioFile.SeriesLoader(d.File), progress: null, cancel);
                return simulated.TryGet(out var done, out var problem)
                    ? (d.File, done.Report)
                    : throw new CliException($"{d.File}: {problem.Field}: {problem.Message}");
            }).ToList();
            Write(parse.InvocationConfiguration.Output, reports, parse.GetValue(json));
            return 0;
        })));
        return command;
    }

    private static void Write(TextWriter o, List<(string File, SimulationReport.SimulationOutput Report)> reports, bool json)
    {
        if (json)
        {
            o.WriteLine(JsonSerializer.Serialize(reports.Select(r => new { scenario = r.File, result = r.Report }), SimulationReport.IndentedJson));
            return;
        }

        var c = CultureInfo.InvariantCulture;
        var first = reports[0].Report;
        o.WriteLine(string.Create(c, $"paths {first.Paths}, seed {first.Seed} for every scenario (common random numbers)"));
        var width = Math.Max(8, reports.Max(r => Path.GetFileName(r.File).Length));
        o.WriteLine(string.Create(c, $"{"scenario".PadRight(width)}  {"success",8}  {"std err",7}  {"median end, today's money",26}  {"lifetime taxes (median)",24}"));
        foreach (var (file, r) in reports)
        {
            var taxes = r.Taxes is { } t ? t.LifetimeReal.P50.ToString("N0", c) : "not modelled";
            o.WriteLine(string.Create(c, $"{Path.GetFileName(file).PadRight(width)}  {r.SuccessProbability,8:P2}  {r.SuccessStandardError,7:P2}  {r.TerminalWealthReal.P50,26:N0}  {taxes,24}"));
        }
    }
}
