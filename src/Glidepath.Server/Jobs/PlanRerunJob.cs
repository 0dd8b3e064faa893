using Glidepath.Application.Households;
using Glidepath.Application.Planning;
using Glidepath.Domain.Planning;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Glidepath.Server.Jobs;

/// <summary>
/// The weekly re-run: a simulation of every saved plan, queued through <see cref="SimulationRuns"/> as
/// the household's owner would queue it (the same checks, snapshot and fair share), so the plan's
/// latest run reflects this week's prices. A refused plan (its owner's quota, a full queue, a
/// scenario that no longer checks) is counted with the first reasons; the runs execute in the
/// background worker, not in this job.
/// </summary>
public sealed class PlanRerunJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PlanRerunJob> logger) : RecordedJob(scopes, clock, logger)
{
    protected override string Name => JobCatalog.PlanReruns;

    protected override async Task<string> RunAsync(IServiceProvider services, JobDataMap data, CancellationToken ct)
    {
        var db = services.GetRequiredService<GlidepathDbContext>();
        var runs = services.GetRequiredService<SimulationRuns>();
        var plans = await (from p in db.Plans.AsNoTracking()
                           let owner = db.HouseholdOwners.Where(o => o.HouseholdId == p.HouseholdId).OrderBy(o => o.UserId).Select(o => (Guid?)o.UserId).FirstOrDefault()
                           orderby p.HouseholdId, p.Id
                           select new { p.Id, p.HouseholdId, Owner = owner }).ToListAsync(ct);
        var queued = 0;
        var refused = new List<string>();
        foreach (var plan in plans)
        {
            if (plan.Owner is not { } owner)
            {
                refused.Add($"plan {plan.Id}: its household has no owner");
                continue;
            }

            var result = await runs.QueueAsync(plan.HouseholdId, plan.Id, new RunRequest(SimulationRunKind.Simulate, null, null), new Caller(owner, SeesAdvisorGrants: false), ct);
            if (result.TryGet(out _, out var problem))
            {
                queued++;
            }
            else
            {
                refused.Add($"plan {plan.Id}: {problem.Message}");
            }
        }

        var summary = $"{plans.Count} plans: {queued} queued, {refused.Count} refused.";
        return refused.Count == 0 ? summary : throw new JobFailedException(summary + " " + string.Join("; ", refused.Take(3)));
    }
}
