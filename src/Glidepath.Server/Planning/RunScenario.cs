using System.Text.Json;
using System.Text.Json.Nodes;
using Glidepath.Domain.Planning;
using Glidepath.Domain.Valuation;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Reporting;
using Glidepath.Server.Errors;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Planning;

/// <summary>
/// The scenario a run stores and executes: the plan's JSON with the request's paths and seed and,
/// for <c>fromLedger</c>, the start balance (and weights) valued from the household's holdings
/// now, so the run is reproducible from its own row whatever happens to the plan or the ledger.
/// </summary>
internal static class RunScenario
{
    /// <summary>The snapshot JSON and the ledger start used (null without fromLedger), or the problem to answer.</summary>
    internal sealed record Prepared(string? ScenarioJson, LedgerStartValue? Ledger, IResult? Problem);

    public static async Task<Prepared> PrepareAsync(
        Plan plan, int? paths, ulong? seed, GlidepathDbContext db, HouseholdReports reports, ReturnSeriesLoader series, TimeProvider clock, CancellationToken ct)
    {
        var stored = ScenarioParser.Parse(plan.ScenarioJson).Value ?? throw new InvalidOperationException($"Stored plan {plan.Id} no longer parses.");
        var node = JsonNode.Parse(plan.ScenarioJson)!.AsObject();
        var document = stored with { Paths = paths ?? stored.Paths, Seed = seed ?? stored.Seed };
        if (document.Paths is < 1 or > PlanningEndpoints.MaxPaths)
        {
            return new(null, null, PlanningEndpoints.PathsProblem());
        }

        node["paths"] = document.Paths;
        node["seed"] = document.Seed;
        LedgerStartValue? ledger = null;
        if (document.FromLedger is { } source)
        {
            var asOf = source.AsOf ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var household = await db.Households.AsNoTracking().SingleAsync(h => h.Id == plan.HouseholdId, ct);
            var valued = await reports.ValuationAsync(plan.HouseholdId, asOf, household.ReportingCurrency, ct);
            if (valued is not { Succeeded: true, Value: { } value })
            {
                return new(null, null, Refused(valued?.Errors ?? []));
            }

            var accountTypes = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == plan.HouseholdId).ToDictionaryAsync(a => a.Id, a => a.Type, ct);
            var held = value.Accounts.SelectMany(a => a.Holdings).Select(h => h.InstrumentId).Distinct().ToList();
            var classes = await db.Instruments.AsNoTracking().Where(i => held.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.AssetClass, ct);
            var start = LedgerStart.Compute(document, value, accountTypes, classes);
            if (start.Value is null)
            {
                return new(null, null, PlanningEndpoints.ScenarioProblem(start.Error!));
            }

            ledger = start.Value;
            document = document with { StartBalance = ledger.StartBalance };
            node["startBalance"] = ledger.StartBalance;
            if (ledger.Weights is { } weights)
            {
                document = document with { Allocation = document.Allocation with { Weights = weights } };
                node["allocation"]!["weights"] = new JsonArray([.. weights.Select(w => JsonValue.Create(w))]);
            }

            // The snapshot stands alone: its balance is a number now.
            node.Remove("fromLedger");
        }

        // Checked once more as run (a dataset read, ledger weights); nothing is stored when this fails.
        var compiled = ScenarioCompiler.Compile(document with { FromLedger = null }, series.Load);
        return compiled.Error is { } error
            ? new(null, null, PlanningEndpoints.ScenarioProblem(error))
            : new(node.ToJsonString(), ledger, null);
    }

    /// <summary>A missing price or FX rate: the household's holdings cannot be valued on that day.</summary>
    private static UnprocessableProblem Refused(IReadOnlyList<ValuationError> errors) =>
        errors.Count == 0
            ? new("valuation-failed", "The household's holdings could not be valued.")
            : new(errors.Select(e => e.Code).Distinct(StringComparer.Ordinal).Count() == 1 ? errors[0].Code : "valuation-failed",
                $"fromLedger: {errors[0].Message}",
                [.. errors.Select(e => new ProblemItem(e.Code, e.Message))]);

    /// <summary>What a run's parameters record about the ledger start.</summary>
    public static object? Describe(LedgerStartValue? ledger) => ledger is null
        ? null
        : new { asOf = ledger.AsOf, currency = ledger.Currency, startBalance = ledger.StartBalance, weights = ledger.Weights, accountTypes = ledger.AccountTypes.Select(t => t.ToString()), accounts = ledger.Accounts };

    public static JsonSerializerOptions Json => SimulationReport.Json;
}
