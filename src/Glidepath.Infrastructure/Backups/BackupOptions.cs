using Microsoft.Extensions.Configuration;

namespace Glidepath.Infrastructure.Backups;

/// <summary><c>Backups</c>: where backups go and which PostgreSQL client tools make and restore them (docs/operations.md).</summary>
public sealed class BackupOptions
{
    public const string Section = "Backups";

    /// <summary>
    /// The folder backups are written to. Empty: <c>backups/</c> beside the SQLite file, or
    /// <c>./data/backups</c> (relative to the working folder) on PostgreSQL.
    /// </summary>
    public string Folder { get; set; } = "";

    /// <summary>The <c>pg_dump</c> program: a name looked up on PATH or a full path.</summary>
    public string PgDump { get; set; } = "pg_dump";

    /// <summary>The <c>pg_restore</c> program: a name looked up on PATH or a full path.</summary>
    public string PgRestore { get; set; } = "pg_restore";

    public static BackupOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(Section).Get<BackupOptions>() ?? new BackupOptions();
    }
}
