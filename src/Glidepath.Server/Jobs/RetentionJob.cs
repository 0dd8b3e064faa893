using Glidepath.Domain.Planning;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Glidepath.Server.Jobs;

/// <summary>
/// Deletes what has outlived its retention rule (<see cref="RetentionSchedule"/>, docs/market-data.md,
/// "Schedules"): job runs, refresh tokens past their expiry, and, when the operator sets a number of
/// days, audit events and finished simulation runs.
/// </summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RetentionJob> logger, IOptions<JobsOptions> options)
    : RecordedJob(scopes, clock, logger)
{
    private const int Chunk = 500;

    protected override string Name => JobCatalog.Retention;

    protected override async Task<string> RunAsync(IServiceProvider services, JobDataMap data, CancellationToken ct)
    {
        var rules = options.Value.Retention;
        var db = services.GetRequiredService<GlidepathDbContext>();
        var now = Clock.GetUtcNow();
        var deleted = new List<string>();
        if (rules.JobRunDays is { } jobRunDays)
        {
            var before = now.AddDays(-jobRunDays).UtcDateTime;
            deleted.Add($"{await db.JobRuns.Where(r => r.StartedUtc < before).ExecuteDeleteAsync(ct)} job runs");
        }

        // SQLite cannot compare DateTimeOffset in SQL: the instants are compared here, the rows deleted by id.
        if (rules.RefreshTokenDaysAfterExpiry is { } tokenDays)
        {
            var before = now.AddDays(-tokenDays);
            var ids = (await db.RefreshTokens.AsNoTracking().Select(t => new { t.Id, t.ExpiresUtc }).ToListAsync(ct)).Where(t => t.ExpiresUtc < before).Select(t => t.Id).ToList();
            var count = 0;
            foreach (var chunk in ids.Chunk(Chunk))
            {
                count += await db.RefreshTokens.Where(t => chunk.Contains(t.Id)).ExecuteDeleteAsync(ct);
            }

            deleted.Add($"{count} refresh tokens");
        }

        if (rules.AuditDays is { } auditDays)
        {
            var before = now.AddDays(-auditDays);
            var ids = (await db.AuditEvents.AsNoTracking().Select(e => new { e.Id, e.OccurredUtc }).ToListAsync(ct)).Where(e => e.OccurredUtc < before).Select(e => e.Id).ToList();
            var count = 0;
            foreach (var chunk in ids.Chunk(Chunk))
            {
                count += await db.AuditEvents.Where(e => chunk.Contains(e.Id)).ExecuteDeleteAsync(ct);
            }

            deleted.Add($"{count} audit events");
        }

        if (rules.FinishedSimulationRunDays is { } runDays)
        {
            var before = now.AddDays(-runDays);
            var ids = (await db.SimulationRuns.AsNoTracking()
                    .Where(r => r.Status == SimulationRunStatus.Succeeded || r.Status == SimulationRunStatus.Failed || r.Status == SimulationRunStatus.Cancelled)
                    .Select(r => new { r.Id, r.CreatedUtc }).ToListAsync(ct))
                .Where(r => r.CreatedUtc < before).Select(r => r.Id).ToList();
            var count = 0;
            foreach (var chunk in ids.Chunk(Chunk))
            {
                count += await db.SimulationRuns.Where(r => chunk.Contains(r.Id)).ExecuteDeleteAsync(ct);
            }

            deleted.Add($"{count} simulation runs");
        }

        return deleted.Count == 0 ? "No retention rule is set." : "Deleted " + string.Join(", ", deleted) + ".";
    }
}
