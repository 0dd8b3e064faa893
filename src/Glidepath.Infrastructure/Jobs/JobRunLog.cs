using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Jobs;

/// <summary>Reads the recorded job runs (<c>job_runs</c>), newest first.</summary>
public sealed class JobRunLog(GlidepathDbContext db)
{
    public Task<JobRun?> LastAsync(string jobName, CancellationToken ct) =>
        db.JobRuns.AsNoTracking().Where(r => r.JobName == jobName).OrderByDescending(r => r.StartedUtc).FirstOrDefaultAsync(ct);

    public Task<List<JobRun>> RecentAsync(string jobName, int limit, CancellationToken ct) =>
        db.JobRuns.AsNoTracking().Where(r => r.JobName == jobName).OrderByDescending(r => r.StartedUtc).Take(limit).ToListAsync(ct);
}
