using System.CommandLine;
using Glidepath.Cli.Hosting;
using Glidepath.Domain.Results;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Cli.ReadModel;

/// <summary>
/// <c>glidepath rebuild --household ID | --all</c>: recomputes the read model (lots, positions, cash, realised
/// gains and the daily valuation series, docs/read-model.md) from the transaction history and the closes.
/// </summary>
public static class RebuildCommand
{
    public static Command Create(CliEnvironment env)
    {
        var household = new Option<Guid?>("--household") { Description = "The household's id." };
        var all = new Option<bool>("--all") { Description = "Every household." };
        var command = new Command("rebuild", "Recompute a household's read model (positions, lots, cash, daily valuations) from its history.")
        {
            household, all,
        };
        command.SetAction((parse, ct) => RunAsync(env, parse.GetValue(household), parse.GetValue(all), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, Guid? householdId, bool all, CancellationToken ct)
    {
        if (householdId is null == !all)
        {
            return env.Fail(ExitCodes.Usage, "give either --household ID or --all (see glidepath rebuild --help)");
        }

        await using var services = await CliDatabase.OpenAsync(env, ct);
        List<Guid> households;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
            households = householdId is { } id ? [id] : await db.Households.OrderBy(h => h.Id).Select(h => h.Id).ToListAsync(ct);
        }

        foreach (var id in households)
        {
            // One scope per household: the context's tracked state stays small however many there are.
            await using var scope = services.CreateAsyncScope();
            var rebuilt = await scope.ServiceProvider.GetRequiredService<LedgerStore>().RebuildAsync(id, ct);
            if (rebuilt.Problem is { } problem)
            {
                return env.Fail(ExitCodes.Failure, problem.Kind == ProblemKind.NotFound
                    ? $"household {id} does not exist."
                    : $"household {id} does not rebuild: {problem.Message}");
            }

            env.Out.WriteLine($"rebuilt {id}");
        }

        return ExitCodes.Success;
    }
}
