using System.Text.Json;
using Glidepath.Application.Events;
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
    /// run's outcome, in its transaction.
    /// </summary>
    public async Task ApplyRunAsync(SimulationRun run, string resultJson, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Kind != SimulationRunKind.Simulate)
        {
            return;
        }

        var goals = await db.Goals.Where(g => g.HouseholdId == run.HouseholdId && g.PlanId == run.PlanId).ToListAsync(ct);
        if (goals.Count == 0)
        {
            return;
        }

        var report = JsonSerializer.Deserialize<SimulationReport.SimulationOutput>(resultJson, SimulationReport.Json)
            ?? throw new InvalidOperationException($"Run {run.Id} has no result.");
        var target = ScenarioParser.Parse(run.ScenarioJson).Match(d => d.TargetSuccess, _ => throw new InvalidOperationException($"The scenario stored with run {run.Id} no longer parses."));
        var now = clock.GetUtcNow();
        foreach (var goal in goals)
        {
            var probability = report.Goals?.FirstOrDefault(s => Same(s.Goal, goal.Name))?.SuccessProbability ?? report.SuccessProbability;
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
