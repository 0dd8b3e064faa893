using System.Data.Common;
using Glidepath.Domain.Planning;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Planning.Runs;

/// <summary>
/// The database queue of simulation runs: every state change of a run row that a worker makes, as
/// one conditional statement, so any number of instances can share the table. A worker claims the
/// next run (a queued one, or a running one whose lease expired: its instance died) with a lease in
/// its name; it renews the lease while it runs and writes the outcome only while it still holds it.
/// </summary>
public static class RunLeases
{
    /// <summary>Why a run that used its attempts failed.</summary>
    public static string AttemptsExhausted(int attempts) =>
        $"The run was interrupted {attempts} times (its server stopped or lost contact with the database); it is not tried again. Start a new run.";

    // The next run, fairly: the user with the fewest runs running now, then the user served longest
    // ago (round robin when runs are one at a time), then the oldest run of that user. A running row
    // with an expired lease is claimable again until it has used its attempts.
    private const string Pick = """
        SELECT r.id FROM simulation_runs r
        WHERE (r.status = 'Queued' OR (r.status = 'Running' AND (r.lease_expires_unix_ms IS NULL OR r.lease_expires_unix_ms < @now)))
          AND r.attempts < @max_attempts AND NOT r.cancel_requested
        ORDER BY
          (SELECT COUNT(*) FROM simulation_runs x WHERE x.requested_by = r.requested_by AND x.status = 'Running' AND x.lease_expires_unix_ms >= @now),
          (SELECT COALESCE(MAX(x.leased_unix_ms), 0) FROM simulation_runs x WHERE x.requested_by = r.requested_by),
          r.created_utc, r.id
        LIMIT 1
        """;

    private const string Claim = """
        UPDATE simulation_runs
        SET status = 'Running', lease_owner = @owner, lease_expires_unix_ms = @expires, leased_unix_ms = @now,
            attempts = attempts + 1, started_utc = COALESCE(started_utc, @started)
        WHERE id = ({pick})
          AND (status = 'Queued' OR (status = 'Running' AND (lease_expires_unix_ms IS NULL OR lease_expires_unix_ms < @now)))
        RETURNING id
        """;

    private static readonly string ClaimOnSqlite = Claim.Replace("{pick}", Pick, StringComparison.Ordinal);

    private static readonly string ClaimOnPostgres = Claim.Replace("{pick}", Pick + " FOR UPDATE SKIP LOCKED", StringComparison.Ordinal);

    /// <summary>
    /// Takes the next run for <paramref name="owner"/>, or null when none is waiting. On PostgreSQL the
    /// pick locks its row and skips rows another worker is claiming (<c>FOR UPDATE SKIP LOCKED</c>); on
    /// SQLite the single statement is atomic (one writer at a time), and the outer condition makes a
    /// second claim of the same row a no-op.
    /// </summary>
    public static async Task<Guid?> ClaimAsync(GlidepathDbContext db, string owner, DateTimeOffset now, TimeSpan lease, int maxAttempts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var postgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = postgres ? ClaimOnPostgres : ClaimOnSqlite;
            Add(command, "owner", owner);
            Add(command, "now", now.ToUnixTimeMilliseconds());
            Add(command, "expires", (now + lease).ToUnixTimeMilliseconds());
            Add(command, "max_attempts", maxAttempts);
            Add(command, "started", now);
            var id = await command.ExecuteScalarAsync(ct);
            return id switch
            {
                null or DBNull => null,
                Guid guid => guid,
                string text => Guid.Parse(text),
                _ => throw new InvalidOperationException($"Unexpected run id type {id.GetType()}."),
            };
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Serialises admission to the queue across instances, for the rest of the caller's transaction: on PostgreSQL a
    /// transaction-scoped advisory lock; on SQLite a no-op write, which takes the database's write lock before the
    /// admission reads anything (as the ledger's household lock does).
    /// </summary>
    public static async Task LockAdmissionAsync(GlidepathDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            await db.Database.ExecuteSqlRawAsync(AdmissionLockOnPostgres, ct);
        }
        else
        {
            await db.SimulationRuns.Where(r => r.Id == Guid.Empty).ExecuteUpdateAsync(s => s.SetProperty(r => r.Attempts, r => r.Attempts), ct);
        }
    }

    /// <summary>The advisory lock of queue admission; its key is "GPRUNADM" in ASCII, unique among this database's advisory locks.</summary>
    private const string AdmissionLockOnPostgres = "SELECT pg_advisory_xact_lock(5138697701168333901)";

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// Ends runs whose lease expired and that will not be claimed again: one a user cancelled (its
    /// worker died before it saw the flag) is cancelled; one that used its attempts fails, saying why.
    /// </summary>
    public static async Task<int> ReapAsync(GlidepathDbContext db, DateTimeOffset now, int maxAttempts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var nowMs = now.ToUnixTimeMilliseconds();
        var expired = db.SimulationRuns.Where(r => r.Status == SimulationRunStatus.Running && (r.LeaseExpiresUnixMs == null || r.LeaseExpiresUnixMs < nowMs));
        var cancelled = await expired.Where(r => r.CancelRequested)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, SimulationRunStatus.Cancelled).SetProperty(r => r.FinishedUtc, now).SetProperty(r => r.LeaseOwner, (string?)null), ct);
        var error = AttemptsExhausted(maxAttempts);
        var failed = await expired.Where(r => !r.CancelRequested && r.Attempts >= maxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, SimulationRunStatus.Failed).SetProperty(r => r.Error, error).SetProperty(r => r.FinishedUtc, now).SetProperty(r => r.LeaseOwner, (string?)null), ct);
        return cancelled + failed;
    }

    /// <summary>The run while <paramref name="owner"/> still holds it: every write of a worker goes through this, so a worker that lost its lease writes nothing.</summary>
    public static IQueryable<SimulationRun> Held(GlidepathDbContext db, Guid runId, string owner)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.SimulationRuns.Where(r => r.Id == runId && r.Status == SimulationRunStatus.Running && r.LeaseOwner == owner);
    }

    /// <summary>
    /// The heartbeat: writes progress and pushes the lease on. Answers whether the worker should stop:
    /// null to go on; otherwise the stored cancel flag (true: a user cancelled, on any instance) or
    /// false when the lease is lost (the row was deleted, or the lease expired and another instance took it).
    /// </summary>
    public static async Task<bool?> RenewAsync(GlidepathDbContext db, Guid runId, string owner, double progress, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        var expires = (now + lease).ToUnixTimeMilliseconds();
        var renewed = await Held(db, runId, owner)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Progress, progress).SetProperty(r => r.LeaseExpiresUnixMs, expires), ct);
        if (renewed == 0)
        {
            return false;
        }

        return await Held(db, runId, owner).Select(r => r.CancelRequested).FirstOrDefaultAsync(ct) ? true : null;
    }

    /// <summary>Gives a run back to the queue (this instance is shutting down): another instance, or the next start, runs it; the attempt is not counted.</summary>
    public static Task<int> ReleaseAsync(GlidepathDbContext db, Guid runId, string owner, CancellationToken ct) =>
        Held(db, runId, owner).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, SimulationRunStatus.Queued).SetProperty(r => r.LeaseOwner, (string?)null).SetProperty(r => r.LeaseExpiresUnixMs, (long?)null)
                .SetProperty(r => r.Attempts, r => r.Attempts - 1).SetProperty(r => r.Progress, 0.0).SetProperty(r => r.StartedUtc, (DateTimeOffset?)null),
            ct);
}
