using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Glidepath.Infrastructure.Persistence;

/// <summary>
/// Inserts many new rows inside the caller's database transaction. PostgreSQL: AddRange and
/// SaveChanges (EF batches the statements), then the rows leave the change tracker. SQLite: EF
/// sends one command per row through its whole update pipeline (the 100,000-row import spent most
/// of its time there), so rows go through ONE prepared INSERT built from the EF model instead —
/// same column names, type mappings and value converters, so the stored values are exactly what
/// SaveChanges writes (BulkInsertTest compares them).
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

        await using var insert = PreparedInsert(db, typeof(T), transaction.GetDbTransaction());
        var columns = insert.Columns;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (getter, parameter, converter) in columns)
            {
                var value = getter.GetClrValue(row);
                parameter.Value = (value is null ? null : converter is null ? value : converter(value)) ?? DBNull.Value;
            }

            // SQLite's async API is its sync one plus a Task per call.
#pragma warning disable CA1849
            insert.Command.ExecuteNonQuery();
#pragma warning restore CA1849
        }
    }

    private static Prepared PreparedInsert(GlidepathDbContext db, Type clrType, DbTransaction transaction)
    {
        var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var columns = new List<(IClrPropertyGetter, DbParameter, Func<object, object?>?)>();
        var names = new List<string>();
        foreach (var property in entityType.GetProperties().Where(p => !p.IsShadowProperty()))
        {
            var mapping = property.GetRelationalTypeMapping();
            // "@p0", not "p0": Microsoft.Data.Sqlite would otherwise try each prefix on every execution.
            var parameter = mapping.CreateParameter(command, sql.GenerateParameterName("p" + columns.Count), value: null, nullable: property.IsNullable);
            command.Parameters.Add(parameter);
            columns.Add((property.GetGetter(), parameter, mapping.Converter is { } converter ? converter.ConvertToProvider : null));
            names.Add(sql.DelimitIdentifier(property.GetColumnName(table)!));
        }

        var values = string.Join(", ", columns.Select(c => c.Item2.ParameterName));
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) VALUES ({values})";
        command.Prepare();
        return new Prepared(command, columns);
    }

    private sealed record Prepared(DbCommand Command, List<(IClrPropertyGetter Getter, DbParameter Parameter, Func<object, object?>? Converter)> Columns)
        : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Command.DisposeAsync();
    }
}
