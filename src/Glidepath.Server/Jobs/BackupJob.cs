using Glidepath.Infrastructure.Backups;
using Microsoft.Extensions.Options;
using Quartz;

namespace Glidepath.Server.Jobs;

/// <summary>
/// Backs up the database into <c>Backups:Folder</c> (the same use case as <c>glidepath backup create</c>),
/// then keeps the newest <see cref="BackupSchedule.Keep"/> backups there and deletes older ones. A failed
/// backup deletes nothing.
/// </summary>
public sealed class BackupJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BackupJob> logger, IOptions<JobsOptions> options, DatabaseBackup backup)
    : RecordedJob(scopes, clock, logger)
{
    protected override string Name => JobCatalog.Backup;

    protected override async Task<string> RunAsync(IServiceProvider services, JobDataMap data, CancellationToken ct)
    {
        var created = await backup.CreateAsync(null, ct);
        if (!created.TryGet(out var file, out var problem))
        {
            throw new InvalidOperationException(problem.Message);
        }

        var keep = Math.Max(1, options.Value.Backup.Keep);
        var deleted = DatabaseBackup.Prune(Path.GetDirectoryName(file.Path)!, keep);
        return $"Wrote {Path.GetFileName(file.Path)} ({file.Bytes} bytes); kept the newest {keep}, deleted {deleted.Count}.";
    }
}
