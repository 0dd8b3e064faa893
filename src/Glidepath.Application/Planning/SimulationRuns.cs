using System.Text.Json;
using Glidepath.Application.Households;
using Glidepath.Application.Planning.Runs;
using Glidepath.Domain.Planning;
using Glidepath.Domain.Results;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Planning;

/// <summary>What a run is asked for: a simulation, or a solve for a lever and target; paths and seed default to the scenario's.</summary>
public sealed record RunRequest(SimulationRunKind Kind, int? Paths, ulong? Seed, string? For = null, double? Target = null);

/// <summary>
/// A plan's runs: queue one (checked, snapshotted and stored as a queued row, within the caller's
/// fair share and the queue's capacity), read them, cancel one. <see cref="QueueAsync"/> is the one
/// entry point for every front door and scheduler. The rows are the queue: a worker of any instance
/// takes the next run (<see cref="Runs.RunLeases"/>), so a caller that goes away loses nothing.
/// Progress of a run executing in this process is fresher than its row and is merged into what is read.
/// </summary>
public sealed class SimulationRuns(GlidepathDbContext db, PlanSnapshots snapshots, SimulationQueue queue, TimeProvider clock)
{
    public async Task<Result<SimulationRun>> QueueAsync(Guid householdId, Guid planId, RunRequest request, Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        var plan = await Plans.FindAsync(db, householdId, planId, ct);
        if (plan is null)
        {
            return PlanningProblems.PlanNotFound(planId);
        }

        if (Validate(request) is { Count: > 0 } invalid)
        {
            return Problem.Invalid(invalid);
        }

        var prepared = await snapshots.PrepareAsync(plan, request.Paths, request.Seed, ct);
        if (!prepared.TryGet(out var snapshot, out var refused))
        {
            return refused;
        }

        var document = snapshot.Document;
        object parameters = request.Kind == SimulationRunKind.Solve
            ? new { @for = request.For, target = request.Target ?? document.TargetSuccess, paths = document.Paths, seed = document.Seed, ledger = snapshot.DescribeLedger() }
            : new { paths = document.Paths, seed = document.Seed, ledger = snapshot.DescribeLedger() };
        SimulationRun run;
        await queue.Admission.WaitAsync(ct);
        try
        {
            // The semaphore orders this instance's requests; the database lock orders every instance's, so the
            // share and the capacity are counted once across them all (counted, then inserted, then committed).
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await RunLeases.LockAdmissionAsync(db, ct);
            if (await QuotaRefusalAsync(caller, document.Paths, ct) is { } quota)
            {
                return quota;
            }

            var waiting = await db.SimulationRuns.CountAsync(r => r.Status == SimulationRunStatus.Queued, ct);
            if (waiting >= queue.Options.QueueCapacity)
            {
                return new Problem(ProblemKind.Unavailable, PlanningProblems.QueueFullCode, $"{queue.Options.QueueCapacity} runs are already waiting; try again when some have finished.");
            }

            run = new SimulationRun
            {
                HouseholdId = householdId,
                PlanId = planId,
                Kind = request.Kind,
                Status = SimulationRunStatus.Queued,
                Paths = document.Paths,
                Seed = document.Seed,
                ParametersJson = JsonSerializer.Serialize(parameters, SimulationReport.Json),
                ScenarioJson = snapshot.Json,
                CreatedUtc = clock.GetUtcNow(),
                RequestedBy = caller.UserId,
            };
            db.SimulationRuns.Add(run);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            queue.Admission.Release();
        }

        queue.Signal();
        return run;
    }

    /// <summary>Every field of the request that is wrong, each named.</summary>
    private static List<ProblemReason> Validate(RunRequest request)
    {
        var errors = new List<ProblemReason>();
        if (request.Kind == SimulationRunKind.Solve)
        {
            if (Levers.Parse(request.For) is null)
            {
                errors.Add(new(Problem.ValidationFailed, $"Use one of: {string.Join(", ", Levers.Names)}.", "for"));
            }

            if (request.Target is not (null or (> 0 and < 1)))
            {
                errors.Add(new(Problem.ValidationFailed, "The target success probability must be in (0, 1).", "target"));
            }
        }

        if (request.Paths is not (null or (>= 1 and <= PlanningProblems.MaxPaths)))
        {
            errors.Add(new(Problem.ValidationFailed, $"Paths must be between 1 and {PlanningProblems.MaxPaths:N0}.", "paths"));
        }

        return errors;
    }

    /// <summary>
    /// Fair share: the caller's unfinished runs (in every household they can see) against
    /// <see cref="SimulationRunOptions.MaxRunsPerUser"/> and <see cref="SimulationRunOptions.MaxPathsPerUser"/>.
    /// </summary>
    private async Task<Problem?> QuotaRefusalAsync(Caller caller, int paths, CancellationToken ct)
    {
        var options = queue.Options;
        var visible = caller.VisibleHouseholdIds(db);
        var unfinished = await db.SimulationRuns.AsNoTracking()
            .Where(r => visible.Contains(r.HouseholdId) && (r.Status == SimulationRunStatus.Queued || r.Status == SimulationRunStatus.Running))
            .Select(r => r.Paths).ToListAsync(ct);
        if (unfinished.Count >= options.MaxRunsPerUser)
        {
            return new Problem(ProblemKind.QuotaExceeded, PlanningProblems.QuotaExceededCode,
                $"You already have {unfinished.Count} unfinished runs, the most one user may have ({options.MaxRunsPerUser}); wait for one to finish or cancel one.");
        }

        var queued = unfinished.Sum(p => (long)p);
        return queued + paths > options.MaxPathsPerUser
            ? new Problem(ProblemKind.QuotaExceeded, PlanningProblems.QuotaExceededCode,
                $"Your unfinished runs have {queued:N0} paths; this run's {paths:N0} would pass the {options.MaxPathsPerUser:N0} one user may have queued. Wait for a run to finish, cancel one, or ask for fewer paths.")
            : null;
    }

    /// <summary>Polls the row until the run has finished (the worker may be another instance).</summary>
    public async Task<SimulationRun> WaitAsync(Guid runId, CancellationToken ct)
    {
        while (true)
        {
            var run = await db.SimulationRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
            if (run.IsFinished)
            {
                return Live(run);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
        }
    }

    /// <summary>The plan's runs, newest first, without their results or scenarios.</summary>
    public async Task<Result<List<SimulationRun>>> ListAsync(Guid householdId, Guid planId, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == planId && p.HouseholdId == householdId, ct))
        {
            return PlanningProblems.PlanNotFound(planId);
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
        return runs.OrderByDescending(r => r.CreatedUtc).ThenBy(r => r.Id).Select(Live).ToList();
    }

    public async Task<Result<SimulationRun>> GetAsync(Guid householdId, Guid planId, Guid runId, CancellationToken ct) =>
        await FindAsync(householdId, planId, runId, ct) is { } run ? Live(run) : PlanningProblems.RunNotFound(runId);

    /// <summary>
    /// A queued run is cancelled at once; a running one is flagged and stops at its next progress
    /// check (poll until Cancelled). A finished run is a conflict, except a cancelled one (idempotent).
    /// </summary>
    public async Task<Result<SimulationRun>> CancelAsync(Guid householdId, Guid planId, Guid runId, CancellationToken ct)
    {
        var run = await FindAsync(householdId, planId, runId, ct);
        if (run is null)
        {
            return PlanningProblems.RunNotFound(runId);
        }

        if (run.IsFinished && run.Status != SimulationRunStatus.Cancelled)
        {
            return Problem.Conflict(PlanningProblems.RunFinishedCode, $"Run {runId} has already finished ({run.Status}).");
        }

        var now = clock.GetUtcNow();
        var mine = db.SimulationRuns.Where(r => r.Id == runId);
        if (await mine.Where(r => r.Status == SimulationRunStatus.Queued)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, SimulationRunStatus.Cancelled).SetProperty(r => r.CancelRequested, true).SetProperty(r => r.FinishedUtc, now), ct) == 0)
        {
            await mine.Where(r => r.Status == SimulationRunStatus.Running).ExecuteUpdateAsync(u => u.SetProperty(r => r.CancelRequested, true), ct);
            queue.Cancel(runId);
        }

        return Live((await FindAsync(householdId, planId, runId, ct))!);
    }

    private Task<SimulationRun?> FindAsync(Guid householdId, Guid planId, Guid runId, CancellationToken ct) =>
        db.SimulationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.PlanId == planId && r.HouseholdId == householdId, ct);

    /// <summary>A run executing here has fresher progress in memory than its row.</summary>
    private SimulationRun Live(SimulationRun run)
    {
        if (run.Status == SimulationRunStatus.Running)
        {
            run.Progress = Math.Max(run.Progress, queue.LiveProgress(run.Id) ?? 0);
        }

        return run;
    }
}
