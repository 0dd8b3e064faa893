using Glidepath.Domain.Results;

namespace Glidepath.Infrastructure.Backups;

/// <summary>The stable codes of a backup or restore that could not be done.</summary>
public static class BackupProblems
{
    public const string ToolMissing = "backup-tool-missing";
    public const string ToolFailed = "backup-tool-failed";
    public const string FileNotFound = "backup-file-not-found";
    public const string NotABackup = "backup-file-invalid";
    public const string DatabaseMissing = "backup-database-missing";
    public const string TargetNotEmpty = "restore-target-not-empty";

    /// <summary>The one reminder both commands print: a restored database is only as readable as the key ring beside it.</summary>
    public const string KeyRingReminder =
        "Encrypted columns (account numbers, tax ids, tokens, notes, memos) are readable only with the field-encryption key ring "
        + "they were written under (Encryption:Keys or Encryption:KeyFile, docs/encryption.md): back it up apart from the database "
        + "and configure the same ring where you restore; signing and Data Protection keys live in Auth:KeyFolder.";

    public static Problem Missing(string tool, string setting, string configured) => new(
        ProblemKind.Unavailable,
        ToolMissing,
        $"{tool} was not found ({setting} = '{configured}'): install the PostgreSQL client tools of the server's major version (apt-get install postgresql-client) or set {setting} to its path.");
}
