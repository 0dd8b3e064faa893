using Glidepath.Application.Events;
using Glidepath.Application.Planning;
using Glidepath.Domain.Goals;
using Glidepath.Domain.Planning;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Goals;

/// <summary>
/// A succeeded simulation of a plan sets the status of the goals it tests (docs/goals.md, "Progress
/// and status"): each reads the success probability of the plan's goal with its name (case and
/// surrounding spaces ignored), else the plan's overall success, against the plan's target success.
/// A changed status publishes <c>goal.status_changed</c> with the change.
/// </summary>
public sealed class GoalStatuses(GlidepathDbContext db, IEventOutbox outbox, TimeProvider clock)
{
    /// <summary>
    /// Tracks the changes and their events on the context WITHOUT saving: the caller saves them with the
    /// run's outcome, in its transaction. <paramref name="outcome"/> is a succeeded simulation of the run's plan.
    /// </summary>
    public async Task ApplyRunAsync(SimulationRun run, SimulationExecutor.Outcome outcome, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(outcome);
        if (run.Kind != SimulationRunKind.Simulate || outcome.TargetSuccess is not { } target)
        {
            return;
        }

        var goals = await db.Goals.Where(g => g.HouseholdId == run.HouseholdId && g.PlanId == run.PlanId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var goal in goals)
        {
            var probability = outcome.Goals?.FirstOrDefault(s => Same(s.Goal, goal.Name))?.SuccessProbability ?? outcome.SuccessProbability;
            var status = GoalRules.Status(probability, target);
            var from = goal.Status;
            goal.Status = status;
            goal.SuccessProbability = probability;
            goal.StatusRunId = run.Id;
            goal.StatusUpdatedUtc = now;
            if (from != status)
            {
                outbox.Enqueue(run.HouseholdId, EventTypes.GoalStatusChanged, new GoalStatusChanged(goal.Id, goal.Name, from.ToString(), status.ToString(), probability, target, run.PlanId, run.Id));
            }
        }
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
