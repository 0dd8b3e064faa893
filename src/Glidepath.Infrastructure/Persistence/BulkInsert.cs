using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Glidepath.Infrastructure.Persistence;

/// <summary>
/// Inserts many new rows inside the caller's database transaction, without EF's update pipeline
/// (one command per row on SQLite, a millisecond a row in batches on PostgreSQL): SQLite gets ONE
/// prepared native INSERT (<see cref="SqliteRowInsert"/>), PostgreSQL one binary COPY
/// (<see cref="PostgresRowCopy"/>). Both take their columns, names and value converters from the
/// EF model (<see cref="RowBinder"/>), so the stored values are exactly what SaveChanges stores
/// (BulkInsertTest compares them on both providers). Shadow properties (the cache tables'
/// surrogate keys) are left to the database. The rows are not tracked.
/// </summary>
internal static class BulkInsert
{
    public static async Task InsertAsync<T>(GlidepathDbContext db, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        // An empty COPY still costs its round trips.
        if (rows is ICollection<T> { Count: 0 })
        {
            return;
        }

        if (db.Database.CurrentTransaction is not { } transaction)
        {
            throw new InvalidOperationException("Bulk inserts run inside the caller's database transaction.");
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = RowBinder.Columns(entityType);
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var names = string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var bind = RowBinder.For(entityType);
        var connection = transaction.GetDbTransaction().Connection!;
        if (connection is NpgsqlConnection postgres)
        {
            using var copy = new PostgresRowCopy(postgres, $"COPY {tableName} ({names}) FROM STDIN (FORMAT BINARY)", bind);
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                copy.Insert(row);
            }

            await copy.CompleteAsync(cancellationToken);
            return;
        }

        var values = string.Join(", ", columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)));
        using var insert = new SqliteRowInsert((SqliteConnection)connection, $"INSERT INTO {tableName} ({names}) VALUES ({values})", bind);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            insert.Insert(row);
        }
    }
}
