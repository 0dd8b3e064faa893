using System.Text.Json;
using Glidepath.Domain.Planning;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Quant.MonteCarlo;
using Glidepath.Server.Errors;
using Glidepath.Server.Planning.Runs;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Planning;

/// <summary>
/// Saved scenarios, <c>/api/households/{householdId}/plans</c>; their runs are in
/// <see cref="SimulationRunEndpoints"/>.
/// </summary>
public static class PlanningEndpoints
{
    public const int MaxPaths = 2_000_000;

    public static RouteGroupBuilder MapPlanningEndpoints(this RouteGroupBuilder household)
    {
        var plans = household.MapGroup("/plans").WithTags("Planning");
        plans.MapGet("/", List);
        plans.MapPost("/", Create);
        plans.MapGet("/{planId:guid}", Get).WithName("GetPlan");
        plans.MapPut("/{planId:guid}", Update);
        plans.MapDelete("/{planId:guid}", Delete);
        plans.MapSimulationRunEndpoints();
        return household;
    }

    private static async Task<Ok<List<PlanDto>>> List(Guid householdId, GlidepathDbContext db, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().Where(p => p.HouseholdId == householdId).ToListAsync(ct);
        return TypedResults.Ok(plans.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).Select(ToDto).ToList());
    }

    private static async Task<Results<Ok<PlanDto>, NotFoundProblem>> Get(Guid householdId, Guid planId, GlidepathDbContext db, CancellationToken ct) =>
        await Find(db, householdId, planId, ct) is { } plan ? TypedResults.Ok(ToDto(plan)) : PlanNotFound(planId);

    private static async Task<Results<CreatedAtRoute<PlanDto>, ValidationProblem>> Create(
        Guid householdId, PlanRequest request, GlidepathDbContext db, TimeProvider clock, ReturnSeriesLoader series, CancellationToken ct)
    {
        var errors = Validate(request, series, out var scenarioJson);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var plan = new Plan { HouseholdId = householdId, Name = request.Name!.Trim(), ScenarioJson = scenarioJson!, CreatedUtc = clock.GetUtcNow() };
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(ToDto(plan), "GetPlan", new { householdId, planId = plan.Id });
    }

    private static async Task<Results<Ok<PlanDto>, NotFoundProblem, ValidationProblem>> Update(
        Guid householdId, Guid planId, PlanRequest request, GlidepathDbContext db, ReturnSeriesLoader series, CancellationToken ct)
    {
        var plan = await Find(db, householdId, planId, ct);
        if (plan is null)
        {
            return PlanNotFound(planId);
        }

        var errors = Validate(request, series, out var scenarioJson);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        if (request.Version is { } version)
        {
            // A stale version makes the UPDATE match no row: 409 concurrency-conflict.
            db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        }

        plan.Name = request.Name!.Trim();
        plan.ScenarioJson = scenarioJson!;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(plan));
    }

    /// <summary>Deletes the plan and its stored runs; its queued and running runs stop and store nothing.</summary>
    private static async Task<Results<NoContent, NotFoundProblem>> Delete(Guid householdId, Guid planId, GlidepathDbContext db, SimulationQueue queue, CancellationToken ct)
    {
        var plan = await Find(db, householdId, planId, ct);
        if (plan is null)
        {
            return PlanNotFound(planId);
        }

        // One SaveChanges: the runs and the plan go together or not at all.
        var runs = await db.SimulationRuns.Where(r => r.PlanId == planId).ToListAsync(ct);
        db.SimulationRuns.RemoveRange(runs);
        db.Plans.Remove(plan);
        await db.SaveChangesAsync(ct);
        queue.CancelDeleted(runs.Where(r => !r.IsFinished).Select(r => r.Id));
        return TypedResults.NoContent();
    }

    internal static Task<Plan?> Find(GlidepathDbContext db, Guid householdId, Guid planId, CancellationToken ct) =>
        db.Plans.FirstOrDefaultAsync(p => p.Id == planId && p.HouseholdId == householdId, ct);

    internal static NotFoundProblem PlanNotFound(Guid planId) => new(ErrorCodes.PlanNotFound, $"Plan {planId} is not in this household.");

    /// <summary>The scenario's own paths (used when the request names none) are bounded the same way.</summary>
    internal static ValidationProblem PathsProblem() =>
        new ValidationErrors().Add("paths", $"Paths must be between 1 and {MaxPaths:N0}; the plan's scenario asks for more, so name paths in the request.").ToProblem();

    internal static ValidationProblem ScenarioProblem(ScenarioError error) =>
        new ValidationErrors().Add(ScenarioField(error.Field), error.Message).ToProblem();

    /// <summary>A scenario error's field under the request's <c>scenario</c> member, e.g. <c>scenario.allocation.weights</c>.</summary>
    internal static string ScenarioField(string field) =>
        field is "" or "$" ? "scenario" : "scenario." + field.TrimStart('$', '.');

    private static ValidationErrors Validate(PlanRequest request, ReturnSeriesLoader series, out string? scenarioJson)
    {
        scenarioJson = null;
        var errors = new ValidationErrors()
            .Check(!string.IsNullOrWhiteSpace(request.Name), "name", "A name is required.")
            .CheckLength(request.Name, "name", TextLimits.Name);
        if (request.Scenario is not { ValueKind: JsonValueKind.Object } scenario)
        {
            return errors.Add("scenario", "The scenario must be a JSON object (docs/scenario-format.md).");
        }

        // Compiled with the server's series loader: a dataset is read and checked now, and a file
        // named by the client is refused (the server reads no files on a client's say-so).
        var json = scenario.GetRawText();
        var parsed = ScenarioParser.Parse(json);
        var error = parsed.Value is { } document ? ScenarioCompiler.Compile(document, series.Load).Error : parsed.Error;
        if (error is not null)
        {
            return errors.Add(ScenarioField(error.Field), error.Message);
        }

        scenarioJson = json;
        return errors;
    }

    private static PlanDto ToDto(Plan p)
    {
        using var scenario = JsonDocument.Parse(p.ScenarioJson);
        return new PlanDto(p.Id, p.Name, scenario.RootElement.Clone(), p.CreatedUtc, p.Version);
    }
}
