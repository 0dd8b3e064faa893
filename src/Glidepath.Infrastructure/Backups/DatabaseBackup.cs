using System.Globalization;
using Glidepath.Domain.Results;
using Glidepath.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Glidepath.Infrastructure.Backups;

/// <summary>
/// Backs up and restores the configured database, the same for the CLI and the scheduled job:
/// SQLite through its online backup API (a consistent copy while the server keeps writing),
/// PostgreSQL through <c>pg_dump</c>'s custom format and <c>pg_restore</c>. A backup is written
/// under a temporary name and renamed when complete, so a crashed backup never looks like one.
/// Restore refuses a database that holds users or households unless forced.
/// </summary>
public sealed class DatabaseBackup(DatabaseSettings database, BackupOptions options, TimeProvider clock)
{
    public const string FilePrefix = "glidepath-";
    public const string SqliteExtension = ".db";
    public const string PostgresExtension = ".dump";
    private const string Partial = ".partial";

    /// <summary>Tables whose rows make a database "not empty" for restore: someone could lose data.</summary>
    private static readonly string[] OwnedTables = ["users", "households"];

    public DatabaseSettings Database => database;

    /// <summary>Where backups go when no folder is given (<see cref="BackupOptions.Folder"/>).</summary>
    public string DefaultFolder
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Folder))
            {
                return Path.GetFullPath(options.Folder);
            }

            return database.Provider == DatabaseProvider.Sqlite && SqliteFile() is { } file
                ? Path.Combine(Path.GetDirectoryName(file)!, "backups")
                : Path.GetFullPath(Path.Combine("data", "backups"));
        }
    }

    /// <summary>Writes a backup of the whole database into <paramref name="folder"/> (default <see cref="DefaultFolder"/>).</summary>
    public async Task<Result<BackupFile>> CreateAsync(string? folder, CancellationToken ct)
    {
        folder = string.IsNullOrWhiteSpace(folder) ? DefaultFolder : Path.GetFullPath(folder);
        var now = clock.GetUtcNow();
        var extension = database.Provider == DatabaseProvider.Sqlite ? SqliteExtension : PostgresExtension;
        var path = Path.Combine(folder, FilePrefix + now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + extension);
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(folder, $"{FilePrefix}{now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{n}{extension}");
        }

        if (database.Provider == DatabaseProvider.Sqlite && SqliteFile() is { } file && !File.Exists(file))
        {
            return Problem.NotFound(BackupProblems.DatabaseMissing, $"There is no SQLite database at {file} to back up.");
        }

        PrivateFiles.CreateFolder(folder);
        var partial = path + Partial;
        try
        {
            var written = database.Provider == DatabaseProvider.Sqlite
                ? await BackUpSqliteAsync(partial, ct)
                : await BackUpPostgresAsync(partial, ct);
            if (!written.TryGet(out _, out var problem))
            {
                return problem;
            }

            File.Move(partial, path);
            return new BackupFile(path, database.Provider, new FileInfo(path).Length, now);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Replaces the configured database's contents with the backup in <paramref name="file"/>. Refuses
    /// (conflict) when the database holds users or households, unless <paramref name="force"/>.
    /// </summary>
    public async Task<Result<RestoredBackup>> RestoreAsync(string file, bool force, CancellationToken ct)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            return Problem.NotFound(BackupProblems.FileNotFound, $"There is no backup file at {path}.");
        }

        var holdsData = await HoldsDataAsync(ct);
        if (holdsData && !force)
        {
            return Problem.Conflict(
                BackupProblems.TargetNotEmpty,
                $"The {Describe()} already holds users or households; restoring would replace them. Add --force to overwrite it.");
        }

        var restored = database.Provider == DatabaseProvider.Sqlite
            ? await RestoreSqliteAsync(path, ct)
            : await RestorePostgresAsync(path, ct);
        return restored.Map(_ => new RestoredBackup(path, database.Provider, holdsData));
    }

    /// <summary>Keeps the newest <paramref name="keep"/> backups in <paramref name="folder"/> and deletes the rest; returns the deleted files.</summary>
    public static IReadOnlyList<string> Prune(string folder, int keep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        // Names carry the UTC time, so their order is the backups' order.
        var old = Directory.EnumerateFiles(folder, FilePrefix + "*")
            .Where(f => f.EndsWith(SqliteExtension, StringComparison.Ordinal) || f.EndsWith(PostgresExtension, StringComparison.Ordinal))
            .OrderByDescending(f => Path.GetFileName(f), StringComparer.Ordinal)
            .Skip(keep)
            .ToList();
        foreach (var file in old)
        {
            File.Delete(file);
        }

        return old;
    }

    /// <summary>Where the data is, for messages: the SQLite file or the PostgreSQL database, never a password.</summary>
    public string Describe()
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            return $"SQLite database {SqliteFile() ?? new SqliteConnectionStringBuilder(database.ConnectionString).DataSource}";
        }

        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return $"PostgreSQL database {connection.Database} on {connection.Host}:{connection.Port}";
    }

    private string? SqliteFile()
    {
        var source = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? null
            : Path.GetFullPath(source);
    }

    private async Task<Result<bool>> BackUpSqliteAsync(string partial, CancellationToken ct)
    {
        await using (new FileStream(partial, PrivateFiles.NewFile()))
        {
            // Created empty and 0600 before SQLite writes: the copy holds household data.
        }

        await using var source = new SqliteConnection(database.ConnectionString);
        await source.OpenAsync(ct);
        await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString());
        await target.OpenAsync(ct);
        source.BackupDatabase(target);
        // The copy takes the source's WAL mode; one self-contained file is what a backup should be.
        await using (var rollback = target.CreateCommand())
        {
            rollback.CommandText = "PRAGMA journal_mode = DELETE";
            await rollback.ExecuteNonQueryAsync(ct);
        }

        return true;
    }

    private async Task<Result<bool>> BackUpPostgresAsync(string partial, CancellationToken ct)
    {
        var dumped = await PostgresTools.RunAsync(
            options.PgDump, "pg_dump", "Backups:PgDump", database.ConnectionString, ["--format=custom", "--no-password", "--file=" + partial], ct);
        if (!dumped.TryGet(out _, out var problem))
        {
            return problem;
        }

        PrivateFiles.Tighten(partial);
        return true;
    }

    private async Task<Result<bool>> RestoreSqliteAsync(string path, CancellationToken ct)
    {
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            await source.OpenAsync(ct);
            await using var check = source.CreateCommand();
            check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
            if (Convert.ToInt64(await check.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 0)
            {
                return NotABackup(path);
            }
        }
        catch (SqliteException)
        {
            return NotABackup(path);
        }

        database.EnsureSqliteFolderExists();
        await using var target = new SqliteConnection(database.ConnectionString);
        await target.OpenAsync(ct);
        source.BackupDatabase(target);
        SqliteConnection.ClearPool(target);
        return true;
    }

    private async Task<Result<bool>> RestorePostgresAsync(string path, CancellationToken ct)
    {
        // --clean --if-exists drops what the backup recreates, so a migrated, empty database takes it
        // as well as a new one; one transaction, so a failed restore leaves the database as it was.
        var restored = await PostgresTools.RunAsync(
            options.PgRestore, "pg_restore", "Backups:PgRestore", database.ConnectionString,
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--no-password",
                "--dbname=" + new NpgsqlConnectionStringBuilder(database.ConnectionString).Database, path],
            ct);
        NpgsqlConnection.ClearAllPools();
        return restored.Map(_ => true);
    }

    private static Problem NotABackup(string path) =>
        Problem.Invalid("file", $"{path} is not a Glidepath SQLite backup (no __EFMigrationsHistory table).");

    private async Task<bool> HoldsDataAsync(CancellationToken ct)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            if (SqliteFile() is { } file && (!File.Exists(file) || new FileInfo(file).Length == 0))
            {
                return false;
            }

            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync(ct);
            var holds = await AnyRowAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name", ct);
            SqliteConnection.ClearPool(connection);
            return holds;
        }

        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync(ct);
            return await AnyRowAsync(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = @name", ct);
        }
    }

    private static async Task<bool> AnyRowAsync(System.Data.Common.DbConnection connection, string tableExists, CancellationToken ct)
    {
        foreach (var table in OwnedTables)
        {
            await using var exists = connection.CreateCommand();
            exists.CommandText = tableExists;
            var parameter = exists.CreateParameter();
            parameter.ParameterName = connection is SqliteConnection ? "$name" : "name";
            parameter.Value = table;
            exists.Parameters.Add(parameter);
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 0)
            {
                continue;
            }

            await using var any = connection.CreateCommand();
            any.CommandText = $"SELECT EXISTS (SELECT 1 FROM \"{table}\")";
            if (Convert.ToBoolean(await any.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture))
            {
                return true;
            }
        }

        return false;
    }
}
