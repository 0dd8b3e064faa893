using System.CommandLine;
using System.Globalization;
using Glidepath.Application.Categories;
using Glidepath.Cli.Hosting;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Glidepath.Cli.Categories;

/// <summary>
/// <c>glidepath categorise train|evaluate --household ID [--json]</c> (docs/categoriser.md): trains and stores the household's
/// learned categoriser, or measures one on the held-out rows without storing it. Onto <see cref="CategoriserLearning"/>,
/// the use case the API's <c>POST …/categoriser/train</c> runs.
/// </summary>
public static class CategoriseCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("categorise", "The household's learned categoriser: train it, or evaluate it on held-out rows.");
        command.Subcommands.Add(Sub(env, "train", "Trains the categoriser on the household's categorised rows and stores it, with its held-out accuracy and macro-F1.", train: true));
        command.Subcommands.Add(Sub(env, "evaluate", "Trains on all labelled rows but every fifth and scores those; stores nothing.", train: false));
        return command;
    }

    private static Command Sub(CliEnvironment env, string name, string description, bool train)
    {
        var household = CliOptions.Household();
        var json = CliOptions.Json();
        var command = new Command(name, description) { household, json };
        command.SetAction((parse, ct) => RunAsync(env, parse.GetValue(household), parse.GetValue(json), train, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, Guid householdId, bool json, bool train, CancellationToken ct)
    {
        await using var services = await CliDatabase.OpenAsync(env, ct);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
        if (!await db.Households.AsNoTracking().AnyAsync(h => h.Id == householdId, ct))
        {
            return env.Fail(ExitCodes.Failure, $"household {householdId} does not exist.");
        }

        var learning = scope.ServiceProvider.GetRequiredService<CategoriserLearning>();
        if (train)
        {
            if (!(await learning.TrainAsync(householdId, ct)).TryGet(out var status, out var problem))
            {
                return env.Fail(ExitCodes.Failure, problem.Message);
            }

            Write(env, json, status, [
                ("Version", Number(status.Version ?? 0)), ("Labelled rows", Number(status.LabelCount)), ("Categories", Number(status.CategoryCount)),
                ("Held-out rows", Number(status.HeldOutRows)), ("Accuracy", Ratio(status.Accuracy)), ("Macro-F1", Ratio(status.MacroF1)),
            ]);
        }
        else
        {
            if (!(await learning.EvaluateAsync(householdId, ct)).TryGet(out var evaluation, out var problem))
            {
                return env.Fail(ExitCodes.Failure, problem.Message);
            }

            Write(env, json, evaluation, [
                ("Labelled rows", Number(evaluation.LabelCount)), ("Categories", Number(evaluation.CategoryCount)),
                ("Held-out rows", Number(evaluation.HeldOutRows)), ("Accuracy", Ratio(evaluation.Accuracy)), ("Macro-F1", Ratio(evaluation.MacroF1)),
            ]);
        }

        return ExitCodes.Success;
    }

    private static void Write<T>(CliEnvironment env, bool json, T output, IEnumerable<(string Name, string Value)> rows)
    {
        if (json)
        {
            CliJson.Write(env.Out, output);
            return;
        }

        var table = new Table().AddColumns("", "");
        foreach (var (name, value) in rows)
        {
            table.AddRow(name, value);
        }

        env.Console.Write(table);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Ratio(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
