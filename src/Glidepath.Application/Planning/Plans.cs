using System.Text.Json;
using Glidepath.Application.Planning.Runs;
using Glidepath.Domain.Planning;
using Glidepath.Domain.Results;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Planning;

/// <param name="Name">The plan's name.</param>
/// <param name="Scenario">The scenario as a JSON object (docs/scenario-format.md).</param>
/// <param name="Version">On update: the version read; a stale one is a concurrency conflict.</param>
public sealed record PlanInput(string? Name, JsonElement? Scenario, long? Version = null);

/// <summary>
/// A household's saved plans. A scenario is checked by compiling it with the shipped datasets before
/// it is stored (a dataset is read now; a file named by a client is refused: the server reads no
/// files on a client's say-so).
/// </summary>
public sealed class Plans(GlidepathDbContext db, ReturnSeriesLoader series, SimulationQueue queue, TimeProvider clock)
{
    public async Task<List<Plan>> ListAsync(Guid householdId, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().Where(p => p.HouseholdId == householdId).ToListAsync(ct);
        return [.. plans.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id)];
    }

    public async Task<Result<Plan>> GetAsync(Guid householdId, Guid planId, CancellationToken ct) =>
        await FindAsync(db, householdId, planId, ct) is { } plan ? plan : PlanningProblems.PlanNotFound(planId);

    public async Task<Result<Plan>> CreateAsync(Guid householdId, PlanInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Validate(input, out var scenarioJson) is { Count: > 0 } invalid)
        {
            return Problem.Invalid(invalid);
        }

        var plan = new Plan { HouseholdId = householdId, Name = input.Name!.Trim(), ScenarioJson = scenarioJson!, CreatedUtc = clock.GetUtcNow() };
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    public async Task<Result<Plan>> UpdateAsync(Guid householdId, Guid planId, PlanInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await FindAsync(db, householdId, planId, ct);
        if (plan is null)
        {
            return PlanningProblems.PlanNotFound(planId);
        }

        if (Validate(input, out var scenarioJson) is { Count: > 0 } invalid)
        {
            return Problem.Invalid(invalid);
        }

        if (input.Version is { } version)
        {
            // A stale version makes the UPDATE match no row: a concurrency conflict (409 on the server).
            db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        }

        plan.Name = input.Name!.Trim();
        plan.ScenarioJson = scenarioJson!;
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>Deletes the plan and its stored runs; its queued and running runs stop and store nothing.</summary>
    public async Task<Result<Plan>> DeleteAsync(Guid householdId, Guid planId, CancellationToken ct)
    {
        var plan = await FindAsync(db, householdId, planId, ct);
        if (plan is null)
        {
            return PlanningProblems.PlanNotFound(planId);
        }

        // One SaveChanges: the runs and the plan go together or not at all.
        var runs = await db.SimulationRuns.Where(r => r.PlanId == planId).ToListAsync(ct);
        db.SimulationRuns.RemoveRange(runs);
        db.Plans.Remove(plan);
        await db.SaveChangesAsync(ct);
        queue.CancelDeleted(runs.Where(r => !r.IsFinished).Select(r => r.Id));
        return plan;
    }

    internal static Task<Plan?> FindAsync(GlidepathDbContext db, Guid householdId, Guid planId, CancellationToken ct) =>
        db.Plans.FirstOrDefaultAsync(p => p.Id == planId && p.HouseholdId == householdId, ct);

    private List<ProblemReason> Validate(PlanInput input, out string? scenarioJson)
    {
        scenarioJson = null;
        var errors = new List<ProblemReason>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(new(Problem.ValidationFailed, "A name is required.", "name"));
        }

        if (!TextLimits.Fits(input.Name, TextLimits.Name))
        {
            errors.Add(new(Problem.ValidationFailed, TextLimits.TooLong(TextLimits.Name, input.Name!.Length), "name"));
        }

        if (input.Scenario is not { ValueKind: JsonValueKind.Object } scenario)
        {
            errors.Add(new(Problem.ValidationFailed, "The scenario must be a JSON object (docs/scenario-format.md).", "scenario"));
            return errors;
        }

        var json = scenario.GetRawText();
        var parsed = ScenarioParser.Parse(json);
        var error = parsed.TryGet(out var document, out var refused) ? ScenarioCompiler.Compile(document, series.Load).Problem : refused;
        if (error is not null)
        {
            errors.Add(new(Problem.ValidationFailed, error.Message, PlanningProblems.ScenarioField(error.Field ?? "")));
            return errors;
        }

        scenarioJson = json;
        return errors;
    }
}
