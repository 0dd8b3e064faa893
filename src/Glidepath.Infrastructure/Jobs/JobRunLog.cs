using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Jobs;

/// <summary>Reads the recorded job runs (<c>job_runs</c>), newest first.</summary>
public sealed class JobRunLog(GlidepathDbContext db)
{
    public Task<JobRun?> LastAsync(string jobName, CancellationToken ct) =>
        db.JobRuns.AsNoTracking().Where(r => r.JobName == jobName).OrderByDescending(r => r.StartedUtc).FirstOrDefaultAsync(ct);

    /// <summary>One page of the job's runs, newest first, and how many it has in all.</summary>
    public async Task<(List<JobRun> Runs, int TotalCount)> PageAsync(string jobName, int page, int pageSize, CancellationToken ct)
    {
        var runs = db.JobRuns.AsNoTracking().Where(r => r.JobName == jobName);
        var total = await runs.CountAsync(ct);
        var rows = await runs.OrderByDescending(r => r.StartedUtc).ThenByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (rows, total);
    }
}
