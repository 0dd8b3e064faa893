using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Glidepath.Infrastructure.Persistence;

/// <summary>
/// Inserts many new rows inside the caller's database transaction. PostgreSQL: AddRange and
/// SaveChanges (EF batches the statements), then the rows leave the change tracker. SQLite: EF
/// sends one command per row through its whole update pipeline (the 100,000-row import spent most
/// of its time there), so rows go through ONE prepared native INSERT built from the EF model
/// instead (<see cref="SqliteRowInsert"/>, bound by <see cref="SqliteRowBinder"/>) — same column
/// names and value converters, and the stored text is exactly what SaveChanges writes (BulkInsertTest
/// compares them).
/// Shadow properties (the cache tables' surrogate keys) are left to the database.
/// </summary>
internal static class BulkInsert
{
    private const int EfBatchSize = 2000;

    public static async Task InsertAsync<T>(GlidepathDbContext db, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (db.Database.CurrentTransaction is not { } transaction)
        {
            throw new InvalidOperationException("Bulk inserts run inside the caller's database transaction.");
        }

        if (!db.Database.IsSqlite())
        {
            foreach (var batch in rows.Chunk(EfBatchSize))
            {
                db.Set<T>().AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                foreach (var row in batch)
                {
                    db.Entry(row).State = EntityState.Detached;
                }
            }

            return;
        }

        using var insert = PreparedInsert(db, typeof(T), (SqliteConnection)transaction.GetDbTransaction().Connection!);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            insert.Insert(row);
        }
    }

    private static SqliteRowInsert PreparedInsert(GlidepathDbContext db, Type clrType, SqliteConnection connection)
    {
        var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = SqliteRowBinder.Columns(entityType);
        var names = string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var values = string.Join(", ", columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)));
        return new SqliteRowInsert(connection, $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES ({values})", SqliteRowBinder.For(entityType));
    }
}
