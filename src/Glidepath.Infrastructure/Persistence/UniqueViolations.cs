using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Persistence;

/// <summary>Whether a save failed on a unique index (SQLite's constraint codes, PostgreSQL's SQLSTATE 23505): a lost check-then-insert race.</summary>
public static class UniqueViolations
{
    public static bool Is(DbUpdateException exception) =>
        exception?.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 or 1555 }
        || exception?.InnerException is System.Data.Common.DbException { SqlState: "23505" };
}
