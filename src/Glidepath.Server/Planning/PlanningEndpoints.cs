using System.Diagnostics;
using System.Text.Json;
using Glidepath.Domain.Planning;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Quant.MonteCarlo;
using Glidepath.Server.Errors;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Planning;

/// <summary>
/// Saved scenarios and their stored runs: <c>/api/households/{householdId}/plans</c>,
/// <c>…/plans/{planId}/simulations</c> and <c>…/plans/{planId}/solve</c>. The engine runs inside
/// the request with its cancellation token, so an aborted request stops the simulation.
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
        plans.MapPost("/{planId:guid}/simulations", Simulate);
        plans.MapGet("/{planId:guid}/simulations", ListRuns);
        plans.MapGet("/{planId:guid}/simulations/{runId:guid}", GetRun).WithName("GetSimulationRun");
        plans.MapPost("/{planId:guid}/solve", Solve);
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
        Guid householdId, PlanRequest request, GlidepathDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = Validate(request, out var scenarioJson);
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
        Guid householdId, Guid planId, PlanRequest request, GlidepathDbContext db, CancellationToken ct)
    {
        var plan = await Find(db, householdId, planId, ct);
        if (plan is null)
        {
            return PlanNotFound(planId);
        }

        var errors = Validate(request, out var scenarioJson);
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

    /// <summary>Deletes the plan and its stored runs.</summary>
    private static async Task<Results<NoContent, NotFoundProblem>> Delete(Guid householdId, Guid planId, GlidepathDbContext db, CancellationToken ct)
    {
        var plan = await Find(db, householdId, planId, ct);
        if (plan is null)
        {
            return PlanNotFound(planId);
        }

        db.SimulationRuns.RemoveRange(await db.SimulationRuns.Where(r => r.PlanId == planId).ToListAsync(ct));
        db.Plans.Remove(plan);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<CreatedAtRoute<SimulationRunDto>, NotFoundProblem, ValidationProblem>> Simulate(
        Guid householdId, Guid planId, SimulateRequest? request, GlidepathDbContext db, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        request ??= new SimulateRequest(null, null);
        var plan = await Find(db, householdId, planId, ct);
        if (plan is null)
        {
            return PlanNotFound(planId);
        }

        var errors = new ValidationErrors().Check(request.Paths is null or (>= 1 and <= MaxPaths), "paths", $"Paths must be between 1 and {MaxPaths:N0}.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        if (WithRequestedRun(plan, request.Paths, request.Seed) is not { } document)
        {
            return PathsProblem();
        }

        var compiled = ScenarioCompiler.Compile(document, seriesLoader: null);
        if (compiled.Value is null)
        {
            return ScenarioProblem(compiled.Error!);
        }

        var log = loggers.CreateLogger(typeof(PlanningEndpoints));
        var watch = Stopwatch.StartNew();
        var options = new SimulationOptions { CancellationToken = ct, Progress = new ProgressLog(log, planId, watch) };
        var result = MonteCarloSimulator.Run(compiled.Value.Input, options);
        var goals = ScenarioCompiler.Flows(document).Any(f => f.Goal is not null)
            ? GoalFunding.Evaluate(document, null, new SimulationOptions { CancellationToken = ct }).Value
            : null;
        var output = SimulationReport.From(result, goals, document.Plan?.People[0].Age);
        var run = new SimulationRun
        {
            HouseholdId = householdId,
            PlanId = planId,
            Kind = SimulationRunKind.Simulate,
            Paths = result.Paths,
            Seed = result.Seed,
            ParametersJson = JsonSerializer.Serialize(new { paths = result.Paths, seed = result.Seed }, SimulationReport.Json),
            ResultJson = JsonSerializer.Serialize(output, SimulationReport.Json),
            SuccessProbability = result.SuccessProbability,
            CreatedUtc = clock.GetUtcNow(),
            DurationMs = watch.ElapsedMilliseconds,
        };
        db.SimulationRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(ToDto(run, withResult: true), "GetSimulationRun", new { householdId, planId, runId = run.Id });
    }

    private static async Task<Results<CreatedAtRoute<SimulationRunDto>, NotFoundProblem, ValidationProblem>> Solve(
        Guid householdId, Guid planId, SolveRequest request, GlidepathDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var plan = await Find(db, householdId, planId, ct);
        if (plan is null)
        {
            return PlanNotFound(planId);
        }

        var lever = Levers.Parse(request.For);
        var errors = new ValidationErrors()
            .Check(lever is not null, "for", $"Use one of: {string.Join(", ", Levers.Names)}.")
            .Check(request.Target is null or (> 0 and < 1), "target", "The target success probability must be in (0, 1).")
            .Check(request.Paths is null or (>= 1 and <= MaxPaths), "paths", $"Paths must be between 1 and {MaxPaths:N0}.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        if (WithRequestedRun(plan, request.Paths, request.Seed) is not { } document)
        {
            return PathsProblem();
        }

        var target = request.Target ?? document.TargetSuccess;
        var watch = Stopwatch.StartNew();
        var solved = PlanSolver.Solve(document, lever!.Value, target, seriesLoader: null, new SimulationOptions { CancellationToken = ct });
        if (solved.Value is not { } answer)
        {
            return ScenarioProblem(solved.Error!);
        }

        var run = new SimulationRun
        {
            HouseholdId = householdId,
            PlanId = planId,
            Kind = SimulationRunKind.Solve,
            Paths = document.Paths,
            Seed = document.Seed,
            ParametersJson = JsonSerializer.Serialize(new { @for = request.For, target, paths = document.Paths, seed = document.Seed }, SimulationReport.Json),
            ResultJson = JsonSerializer.Serialize(answer, SimulationReport.Json),
            SuccessProbability = answer.SuccessProbability,
            CreatedUtc = clock.GetUtcNow(),
            DurationMs = watch.ElapsedMilliseconds,
        };
        db.SimulationRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(ToDto(run, withResult: true), "GetSimulationRun", new { householdId, planId, runId = run.Id });
    }

    /// <summary>The plan's runs, newest first, without their results.</summary>
    private static async Task<Results<Ok<List<SimulationRunDto>>, NotFoundProblem>> ListRuns(Guid householdId, Guid planId, GlidepathDbContext db, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == planId && p.HouseholdId == householdId, ct))
        {
            return PlanNotFound(planId);
        }

        var runs = await db.SimulationRuns.AsNoTracking().Where(r => r.PlanId == planId && r.HouseholdId == householdId)
            .Select(r => new SimulationRun
            {
                Id = r.Id,
                HouseholdId = r.HouseholdId,
                PlanId = r.PlanId,
                Kind = r.Kind,
                Paths = r.Paths,
                Seed = r.Seed,
                ParametersJson = r.ParametersJson,
                ResultJson = "",
                SuccessProbability = r.SuccessProbability,
                CreatedUtc = r.CreatedUtc,
                DurationMs = r.DurationMs,
            })
            .ToListAsync(ct);
        return TypedResults.Ok(runs.OrderByDescending(r => r.CreatedUtc).ThenBy(r => r.Id).Select(r => ToDto(r, withResult: false)).ToList());
    }

    private static async Task<Results<Ok<SimulationRunDto>, NotFoundProblem>> GetRun(Guid householdId, Guid planId, Guid runId, GlidepathDbContext db, CancellationToken ct)
    {
        var run = await db.SimulationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.PlanId == planId && r.HouseholdId == householdId, ct);
        return run is null
            ? new NotFoundProblem(ErrorCodes.SimulationRunNotFound, $"Simulation run {runId} is not in this plan.")
            : TypedResults.Ok(ToDto(run, withResult: true));
    }

    private static Task<Plan?> Find(GlidepathDbContext db, Guid householdId, Guid planId, CancellationToken ct) =>
        db.Plans.FirstOrDefaultAsync(p => p.Id == planId && p.HouseholdId == householdId, ct);

    private static NotFoundProblem PlanNotFound(Guid planId) => new(ErrorCodes.PlanNotFound, $"Plan {planId} is not in this household.");

    /// <summary>The scenario's own paths (used when the request names none) are bounded the same way.</summary>
    private static ValidationProblem PathsProblem() =>
        new ValidationErrors().Add("paths", $"Paths must be between 1 and {MaxPaths:N0}; the plan's scenario asks for more, so name paths in the request.").ToProblem();

    private static ValidationProblem ScenarioProblem(ScenarioError error) =>
        new ValidationErrors().Add(ScenarioField(error.Field), error.Message).ToProblem();

    /// <summary>A scenario error's field under the request's <c>scenario</c> member, e.g. <c>scenario.allocation.weights</c>.</summary>
    private static string ScenarioField(string field) =>
        field is "" or "$" ? "scenario" : "scenario." + field.TrimStart('$', '.');

    private static ValidationErrors Validate(PlanRequest request, out string? scenarioJson)
    {
        scenarioJson = null;
        var errors = new ValidationErrors()
            .Check(!string.IsNullOrWhiteSpace(request.Name), "name", "A name is required.")
            .Check(request.Name is null || request.Name.Trim().Length <= 200, "name", "At most 200 characters.");
        if (request.Scenario is not { ValueKind: JsonValueKind.Object } scenario)
        {
            return errors.Add("scenario", "The scenario must be a JSON object (docs/scenario-format.md).");
        }

        var json = scenario.GetRawText();
        var parsed = ScenarioParser.Parse(json);
        var error = parsed.Value is { } document ? ScenarioCompiler.Compile(document, seriesLoader: null).Error : parsed.Error;
        if (error is not null)
        {
            return errors.Add(ScenarioField(error.Field), error.Message);
        }

        // A bootstrap or historical model reads a CSV file named in the scenario; the server reads no
        // files on a client's say-so, and compiling without the series would silently fall back to
        // normal returns, so such scenarios are refused rather than simulated with the wrong model.
        if (parsed.Value!.ReturnModel?.Kind is ReturnModelKind.Bootstrap or ReturnModelKind.Historical)
        {
            return errors.Add("scenario.returnModel.kind", "Bootstrap and historical return models read a series file, which the server does not support yet; use normal or studentT.");
        }

        scenarioJson = json;
        return errors;
    }

    /// <summary>The stored scenario with the request's paths and seed; null when the resulting path count is out of range.</summary>
    private static ScenarioDocument? WithRequestedRun(Plan plan, int? paths, ulong? seed)
    {
        var stored = ParseStored(plan);
        var document = stored with { Paths = paths ?? stored.Paths, Seed = seed ?? stored.Seed };
        return document.Paths is < 1 or > MaxPaths ? null : document;
    }

    private static ScenarioDocument ParseStored(Plan plan) =>
        ScenarioParser.Parse(plan.ScenarioJson).Value ?? throw new InvalidOperationException($"Stored plan {plan.Id} no longer parses.");

    private static PlanDto ToDto(Plan p)
    {
        using var scenario = JsonDocument.Parse(p.ScenarioJson);
        return new PlanDto(p.Id, p.Name, scenario.RootElement.Clone(), p.CreatedUtc, p.Version);
    }

    private static SimulationRunDto ToDto(SimulationRun r, bool withResult)
    {
        using var parameters = JsonDocument.Parse(r.ParametersJson);
        JsonElement? result = null;
        if (withResult)
        {
            using var doc = JsonDocument.Parse(r.ResultJson);
            result = doc.RootElement.Clone();
        }

        return new SimulationRunDto(r.Id, r.PlanId, r.Kind, r.Paths, r.Seed, parameters.RootElement.Clone(), result, r.SuccessProbability, r.CreatedUtc, r.DurationMs);
    }

    /// <summary>Logs a long run's progress: at most every second, once the run has taken a second.</summary>
    private sealed class ProgressLog(ILogger log, Guid planId, Stopwatch watch) : IProgress<double>
    {
        private long nextMs = 1000;

        public void Report(double value)
        {
            var now = watch.ElapsedMilliseconds;
            var next = Interlocked.Read(ref nextMs);
            if (now >= next && Interlocked.CompareExchange(ref nextMs, now + 1000, next) == next)
            {
                log.LogInformation("Simulation of plan {PlanId}: {Percent:F0}% after {Seconds:F1} s", planId, value * 100, now / 1000.0);
            }
        }
    }
}
