using Glidepath.Domain.Planning;
using Glidepath.Domain.Results;
using Glidepath.Domain.Valuation;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Planning;

/// <summary>
/// The scenario a run executes: the plan's scenario with the request's paths and seed and, for
/// <c>fromLedger</c>, the start balance (and weights) valued from the household's holdings, and
/// without <c>inflation</c> the stored CPI's trailing 10-year CAGR, so the
/// run is reproducible from its own snapshot whatever happens to the plan or the ledger. The plan's
/// JSON is parsed once into a <see cref="ScenarioDocument"/>; the snapshot is that document, written
/// back as JSON only to be stored.
/// </summary>
public sealed class PlanSnapshots(GlidepathDbContext db, HouseholdReports reports, ReturnSeriesLoader series, MacroAssumptions macro, TimeProvider clock)
{
    /// <summary>The snapshot of <paramref name="plan"/>, or why it cannot run (paths out of range, holdings not valued, scenario refused).</summary>
    public async Task<Result<PlanSnapshot>> PrepareAsync(Plan plan, int? paths, ulong? seed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var parsed = ScenarioParser.Parse(plan.ScenarioJson);
        var stored = parsed.Match(d => d, refused => throw new InvalidOperationException($"Stored plan {plan.Id} no longer parses: {refused}"));
        return await PrepareAsync(plan.HouseholdId, stored, paths, seed, ct);
    }

    /// <summary>The snapshot of a parsed scenario of the household (a plan's, or a preview's edits).</summary>
    /// <param name="check">Compile it once more as run; a preview skips this, as it compiles the snapshot to run it at once.</param>
    public async Task<Result<PlanSnapshot>> PrepareAsync(Guid householdId, ScenarioDocument stored, int? paths, ulong? seed, CancellationToken ct, bool check = true)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var document = stored with { Paths = paths ?? stored.Paths, Seed = seed ?? stored.Seed };
        if (document.Paths is < 1 or > PlanningProblems.MaxPaths)
        {
            return Problem.Invalid("paths", $"Paths must be between 1 and {PlanningProblems.MaxPaths:N0}; the plan's scenario asks for more, so name paths in the request.");
        }

        if (document.Inflation is null && await macro.InflationAsync(clock.Today(), ct) is { } cpi)
        {
            // No inflation in the scenario: CPI's trailing 10-year CAGR, written into the snapshot.
            document = document with { Inflation = cpi };
        }

        LedgerStartValue? ledger = null;
        if (document.FromLedger is { } source)
        {
            var started = await LedgerStartAsync(householdId, document, source, ct);
            if (!started.TryGet(out ledger, out var problem))
            {
                return problem;
            }

            // The snapshot stands alone: its balance is a number now.
            document = document with
            {
                FromLedger = null,
                StartBalance = ledger.StartBalance,
                Allocation = ledger.Weights is { } weights ? document.Allocation with { Weights = weights } : document.Allocation,
            };
        }

        // Checked once more as run (a dataset read, ledger weights); nothing is stored when this fails.
        var compiled = check ? ScenarioCompiler.Compile(document, series.Load) : null;
        return compiled?.Problem is { } error ? PlanningProblems.Scenario(error) : new PlanSnapshot(document, ledger);
    }

    private async Task<Result<LedgerStartValue>> LedgerStartAsync(Guid householdId, ScenarioDocument document, LedgerSourceDocument source, CancellationToken ct)
    {
        var asOf = source.AsOf ?? clock.Today();
        var household = await db.Households.AsNoTracking().SingleAsync(h => h.Id == householdId, ct);
        var valued = await reports.ValuationAsync(householdId, asOf, household.ReportingCurrency, ct);
        if (valued is null || !valued.TryGet(out var value, out _))
        {
            return valued?.Problem is { } unvalued
                ? unvalued with { Message = $"fromLedger: {unvalued.Message}" }
                : Problem.Refused(ValuationProblems.Failed, "The household's holdings could not be valued.");
        }

        var accountTypes = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId).ToDictionaryAsync(a => a.Id, a => a.Type, ct);
        var held = value.Accounts.SelectMany(a => a.Holdings).Select(h => h.InstrumentId).Distinct().ToList();
        var classes = await db.Instruments.AsNoTracking().Where(i => held.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.AssetClass, ct);
        var start = LedgerStart.Compute(document, value, accountTypes, classes);
        return start.TryGet(out var computed, out var refused) ? computed : PlanningProblems.Scenario(refused);
    }
}

/// <summary>The scenario a run executes (no <c>fromLedger</c> left in it) and the ledger start it took, if any.</summary>
public sealed record PlanSnapshot(ScenarioDocument Document, LedgerStartValue? Ledger)
{
    /// <summary>The snapshot as stored with the run.</summary>
    public string Json => ScenarioParser.Write(Document);

    /// <summary>What a run's parameters record about the ledger start.</summary>
    public object? DescribeLedger() => Ledger is null
        ? null
        : new { asOf = Ledger.AsOf, currency = Ledger.Currency, startBalance = Ledger.StartBalance, weights = Ledger.Weights, accountTypes = Ledger.AccountTypes.Select(t => t.ToString()), accounts = Ledger.Accounts };
}
