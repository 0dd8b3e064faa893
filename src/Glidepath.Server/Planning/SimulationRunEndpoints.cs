using System.Security.Claims;
using System.Text.Json;
using Glidepath.Domain.Planning;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Reporting;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;
using Glidepath.Server.Planning.Runs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Planning;

/// <summary>
/// A plan's runs: <c>POST …/plans/{planId}/simulations</c> and <c>POST …/plans/{planId}/solve</c>
/// queue a run and answer 202 with it (or, with <c>?wait=true</c>, 201 once it has finished);
/// <c>GET …/simulations[/{runId}]</c> reads status, progress and, when done, the result;
/// <c>POST …/simulations/{runId}/cancel</c> stops it. Runs execute in <see cref="SimulationWorker"/>,
/// so a client that goes away loses nothing.
/// </summary>
public static class SimulationRunEndpoints
{
    public static RouteGroupBuilder MapSimulationRunEndpoints(this RouteGroupBuilder plans)
    {
        plans.MapPost("/{planId:guid}/simulations", Simulate).ComputesOnly();
        plans.MapGet("/{planId:guid}/simulations", List);
        plans.MapGet("/{planId:guid}/simulations/{runId:guid}", Get).WithName("GetSimulationRun");
        plans.MapPost("/{planId:guid}/simulations/{runId:guid}/cancel", Cancel);
        plans.MapPost("/{planId:guid}/solve", Solve).ComputesOnly();
        return plans;
    }

    /// <param name="wait">true: answer when the run has finished (201), for scripts; the run goes on if the client leaves.</param>
    private static async Task<Results<Accepted<SimulationRunDto>, Created<SimulationRunDto>, NotFoundProblem, ValidationProblem, UnprocessableProblem, RunRefusedProblem>> Simulate(
        Guid householdId, Guid planId, SimulateRequest? request, [FromQuery] bool? wait, ClaimsPrincipal user, RunServices services, CancellationToken ct)
    {
        request ??= new SimulateRequest(null, null);
        var errors = new ValidationErrors().Check(request.Paths is null or (>= 1 and <= PlanningEndpoints.MaxPaths), "paths", $"Paths must be between 1 and {PlanningEndpoints.MaxPaths:N0}.");
        return await QueueAsync(householdId, planId, SimulationRunKind.Simulate, request.Paths, request.Seed, errors, null, wait ?? false, user, services, ct);
    }

    /// <param name="wait">As for simulations.</param>
    private static async Task<Results<Accepted<SimulationRunDto>, Created<SimulationRunDto>, NotFoundProblem, ValidationProblem, UnprocessableProblem, RunRefusedProblem>> Solve(
        Guid householdId, Guid planId, SolveRequest request, [FromQuery] bool? wait, ClaimsPrincipal user, RunServices services, CancellationToken ct)
    {
        var lever = Levers.Parse(request.For);
        var errors = new ValidationErrors()
            .Check(lever is not null, "for", $"Use one of: {string.Join(", ", Levers.Names)}.")
            .Check(request.Target is null or (> 0 and < 1), "target", "The target success probability must be in (0, 1).")
            .Check(request.Paths is null or (>= 1 and <= PlanningEndpoints.MaxPaths), "paths", $"Paths must be between 1 and {PlanningEndpoints.MaxPaths:N0}.");
        return await QueueAsync(householdId, planId, SimulationRunKind.Solve, request.Paths, request.Seed, errors, request, wait ?? false, user, services, ct);
    }

    private static async Task<Results<Accepted<SimulationRunDto>, Created<SimulationRunDto>, NotFoundProblem, ValidationProblem, UnprocessableProblem, RunRefusedProblem>> QueueAsync(
        Guid householdId, Guid planId, SimulationRunKind kind, int? paths, ulong? seed, ValidationErrors errors, SolveRequest? solve, bool wait, ClaimsPrincipal user, RunServices s, CancellationToken ct)
    {
        var plan = await PlanningEndpoints.Find(s.Db, householdId, planId, ct);
        if (plan is null)
        {
            return PlanningEndpoints.PlanNotFound(planId);
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var prepared = await RunScenario.PrepareAsync(plan, paths, seed, s.Db, s.Reports, s.Series, s.Clock, ct);
        switch (prepared.Problem)
        {
            case ValidationProblem invalid:
                return invalid;
            case UnprocessableProblem refused:
                return refused;
        }

        var document = ScenarioParser.Parse(prepared.ScenarioJson!).Value!;
        object parameters = solve is null
            ? new { paths = document.Paths, seed = document.Seed, ledger = RunScenario.Describe(prepared.Ledger) }
            : new { @for = solve.For, target = solve.Target ?? document.TargetSuccess, paths = document.Paths, seed = document.Seed, ledger = RunScenario.Describe(prepared.Ledger) };
        SimulationRun run;
        await s.Queue.Admission.WaitAsync(ct);
        try
        {
            if (await QuotaRefusalAsync(s, user, document.Paths, ct) is { } refused)
            {
                return refused;
            }

            if (!s.Queue.TryReserve())
            {
                return new RunRefusedProblem(StatusCodes.Status503ServiceUnavailable, ErrorCodes.SimulationQueueFull, $"{s.Queue.Capacity} runs are already waiting; try again when some have finished.");
            }

            run = new SimulationRun
            {
                HouseholdId = householdId,
                PlanId = planId,
                Kind = kind,
                Status = SimulationRunStatus.Queued,
                Paths = document.Paths,
                Seed = document.Seed,
                ParametersJson = JsonSerializer.Serialize(parameters, RunScenario.Json),
                ScenarioJson = prepared.ScenarioJson!,
                CreatedUtc = s.Clock.GetUtcNow(),
            };
            try
            {
                s.Db.SimulationRuns.Add(run);
                await s.Db.SaveChangesAsync(ct);
            }
            catch
            {
                s.Queue.Release();
                throw;
            }
        }
        finally
        {
            s.Queue.Admission.Release();
        }

        s.Queue.Enqueue(run.Id);
        var location = $"/api/households/{householdId}/plans/{planId}/simulations/{run.Id}";
        if (!wait)
        {
            return TypedResults.Accepted(location, ToDto(run, withResult: true, s.Queue));
        }

        var finished = await WaitAsync(s.Db, run.Id, ct);
        return TypedResults.Created(location, ToDto(finished, withResult: true, s.Queue));
    }

    /// <summary>
    /// Fair share: the caller's unfinished runs (in every household they can see) against
    /// <see cref="SimulationRunOptions.MaxRunsPerUser"/> and <see cref="SimulationRunOptions.MaxPathsPerUser"/>.
    /// </summary>
    private static async Task<RunRefusedProblem?> QuotaRefusalAsync(RunServices s, ClaimsPrincipal user, int paths, CancellationToken ct)
    {
        var options = s.Queue.Options;
        var visible = Api.HouseholdScope.VisibleHouseholdIds(s.Db, user);
        var unfinished = await s.Db.SimulationRuns.AsNoTracking()
            .Where(r => visible.Contains(r.HouseholdId) && (r.Status == SimulationRunStatus.Queued || r.Status == SimulationRunStatus.Running))
            .Select(r => r.Paths).ToListAsync(ct);
        if (unfinished.Count >= options.MaxRunsPerUser)
        {
            return new RunRefusedProblem(StatusCodes.Status429TooManyRequests, ErrorCodes.SimulationQuotaExceeded,
                $"You already have {unfinished.Count} unfinished runs, the most one user may have ({options.MaxRunsPerUser}); wait for one to finish or cancel one.");
        }

        var queued = unfinished.Sum(p => (long)p);
        return queued + paths > options.MaxPathsPerUser
            ? new RunRefusedProblem(StatusCodes.Status429TooManyRequests, ErrorCodes.SimulationQuotaExceeded,
                $"Your unfinished runs have {queued:N0} paths; this run's {paths:N0} would pass the {options.MaxPathsPerUser:N0} one user may have queued. Wait for a run to finish, cancel one, or ask for fewer paths.")
            : null;
    }

    /// <summary>Polls the row until the run has finished (the worker may be another instance).</summary>
    private static async Task<SimulationRun> WaitAsync(GlidepathDbContext db, Guid runId, CancellationToken ct)
    {
        while (true)
        {
            var run = await db.SimulationRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
            if (run.IsFinished)
            {
                return run;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
        }
    }

    /// <summary>The plan's runs, newest first, without their results.</summary>
    private static async Task<Results<Ok<List<SimulationRunDto>>, NotFoundProblem>> List(Guid householdId, Guid planId, GlidepathDbContext db, SimulationQueue queue, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == planId && p.HouseholdId == householdId, ct))
        {
            return PlanningEndpoints.PlanNotFound(planId);
        }

        var runs = await db.SimulationRuns.AsNoTracking().Where(r => r.PlanId == planId && r.HouseholdId == householdId)
            .Select(r => new SimulationRun
            {
                Id = r.Id,
                HouseholdId = r.HouseholdId,
                PlanId = r.PlanId,
                Kind = r.Kind,
                Status = r.Status,
                Progress = r.Progress,
                Paths = r.Paths,
                Seed = r.Seed,
                ParametersJson = r.ParametersJson,
                ScenarioJson = "",
                SuccessProbability = r.SuccessProbability,
                Error = r.Error,
                CreatedUtc = r.CreatedUtc,
                StartedUtc = r.StartedUtc,
                FinishedUtc = r.FinishedUtc,
                DurationMs = r.DurationMs,
            })
            .ToListAsync(ct);
        return TypedResults.Ok(runs.OrderByDescending(r => r.CreatedUtc).ThenBy(r => r.Id).Select(r => ToDto(r, withResult: false, queue)).ToList());
    }

    private static async Task<Results<Ok<SimulationRunDto>, NotFoundProblem>> Get(Guid householdId, Guid planId, Guid runId, GlidepathDbContext db, SimulationQueue queue, CancellationToken ct) =>
        await FindRun(db, householdId, planId, runId, ct) is { } run ? TypedResults.Ok(ToDto(run, withResult: true, queue)) : RunNotFound(runId);

    /// <summary>
    /// A queued run is cancelled at once; a running one is flagged and stops at its next progress
    /// check (poll until Cancelled). A finished run answers 409, except a cancelled one (idempotent).
    /// </summary>
    private static async Task<Results<Accepted<SimulationRunDto>, NotFoundProblem, ConflictProblem>> Cancel(
        Guid householdId, Guid planId, Guid runId, GlidepathDbContext db, SimulationQueue queue, TimeProvider clock, CancellationToken ct)
    {
        var run = await FindRun(db, householdId, planId, runId, ct);
        if (run is null)
        {
            return RunNotFound(runId);
        }

        if (run.IsFinished && run.Status != SimulationRunStatus.Cancelled)
        {
            return new ConflictProblem(ErrorCodes.SimulationRunFinished, $"Run {runId} has already finished ({run.Status}).");
        }

        var now = clock.GetUtcNow();
        var mine = db.SimulationRuns.Where(r => r.Id == runId);
        if (await mine.Where(r => r.Status == SimulationRunStatus.Queued)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, SimulationRunStatus.Cancelled).SetProperty(r => r.CancelRequested, true).SetProperty(r => r.FinishedUtc, now), ct) == 0)
        {
            await mine.Where(r => r.Status == SimulationRunStatus.Running).ExecuteUpdateAsync(u => u.SetProperty(r => r.CancelRequested, true), ct);
            queue.Cancel(runId);
        }

        var current = await FindRun(db, householdId, planId, runId, ct);
        return TypedResults.Accepted($"/api/households/{householdId}/plans/{planId}/simulations/{runId}", ToDto(current!, withResult: true, queue));
    }

    private static Task<SimulationRun?> FindRun(GlidepathDbContext db, Guid householdId, Guid planId, Guid runId, CancellationToken ct) =>
        db.SimulationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.PlanId == planId && r.HouseholdId == householdId, ct);

    private static NotFoundProblem RunNotFound(Guid runId) => new(ErrorCodes.SimulationRunNotFound, $"Simulation run {runId} is not in this plan.");

    private static SimulationRunDto ToDto(SimulationRun r, bool withResult, SimulationQueue queue)
    {
        using var parameters = JsonDocument.Parse(r.ParametersJson);
        JsonElement? result = null;
        if (withResult && r.ResultJson is { } json)
        {
            using var doc = JsonDocument.Parse(json);
            result = doc.RootElement.Clone();
        }

        // A run executing here has fresher progress in memory than its row.
        var progress = r.Status == SimulationRunStatus.Running ? Math.Max(r.Progress, queue.LiveProgress(r.Id) ?? 0) : r.Progress;
        return new SimulationRunDto(
            r.Id, r.PlanId, r.Kind, r.Status, progress, r.Paths, r.Seed, parameters.RootElement.Clone(), result, r.SuccessProbability, r.Error,
            r.CreatedUtc, r.StartedUtc, r.FinishedUtc, r.DurationMs);
    }

    /// <summary>What queueing a run needs, bound as one parameter object.</summary>
    internal sealed class RunServices(GlidepathDbContext db, HouseholdReports reports, ReturnSeriesLoader series, SimulationQueue queue, TimeProvider clock)
    {
        public GlidepathDbContext Db => db;

        public HouseholdReports Reports => reports;

        public ReturnSeriesLoader Series => series;

        public SimulationQueue Queue => queue;

        public TimeProvider Clock => clock;
    }
}
