using System.Data.Common;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Glidepath.Infrastructure.Encryption;

/// <summary>A protected column as stored: its table, primary key column(s) and column names.</summary>
public sealed record ProtectedColumn(string Name, string Table, IReadOnlyList<string> KeyColumns, string Column);

/// <summary>After each batch: the column, rows looked at so far and values re-encrypted so far.</summary>
public sealed record RotationProgress(string Column, long Scanned, long Reencrypted);

public sealed record ColumnRotation(string Column, long Scanned, long AlreadyCurrent, long Reencrypted, long ChangedMeanwhile);

public sealed record RotationSummary(uint ActiveKeyId, IReadOnlyList<ColumnRotation> Columns)
{
    public long Reencrypted => Columns.Sum(c => c.Reencrypted);

    public long AlreadyCurrent => Columns.Sum(c => c.AlreadyCurrent);
}

/// <summary>How many stored values of a column each key id holds (<c>null</c>: not a Glidepath ciphertext).</summary>
public sealed record ColumnKeyCount(string Column, uint? KeyId, long Count);

/// <summary>
/// Re-encrypts every protected value under the ring's active key. Works on the raw stored text
/// (plain SQL through EF's connection), column by column in primary-key order, one database
/// transaction per batch; values already under the active key are skipped, so an interrupted run
/// simply continues when started again. Row versions are not bumped: the plaintext does not change.
/// Each update is guarded by the old ciphertext, so a value rewritten meanwhile by the application
/// is left alone (it was written under the application's active key).
/// </summary>
public sealed class KeyRotation(GlidepathDbContext db, FieldKeyRing ring)
{
    public const int DefaultBatchSize = 500;

    /// <summary>Every column whose converter encrypts, read from the EF model.</summary>
    public static IReadOnlyList<ProtectedColumn> Columns(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var columns = new List<ProtectedColumn>();
        foreach (var entity in model.GetEntityTypes())
        {
            var tableName = entity.GetTableName();
            var key = entity.FindPrimaryKey();
            if (tableName is null || key is null)
            {
                continue;
            }

            var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                if (property.GetValueConverter() is IProtectedValueConverter converter)
                {
                    columns.Add(new ProtectedColumn(converter.Column, tableName, [.. key.Properties.Select(k => k.GetColumnName(table)!)], property.GetColumnName(table)!));
                }
            }
        }

        return [.. columns.OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    public async Task<RotationSummary> RotateAsync(int batchSize = DefaultBatchSize, IProgress<RotationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var results = new List<ColumnRotation>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var column in Columns(db.Model))
            {
                results.Add(await RotateColumnAsync(column, batchSize, progress, cancellationToken));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return new RotationSummary(ring.ActiveKeyId, results);
    }

    /// <summary>Counts stored values per column and key id, to see what a rotation has left (read-only).</summary>
    public async Task<IReadOnlyList<ColumnKeyCount>> CountByKeyAsync(CancellationToken cancellationToken = default)
    {
        var counts = new List<ColumnKeyCount>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var column in Columns(db.Model))
            {
                var perKey = new Dictionary<uint, long>();
                long other = 0;
                object[]? after = null;
                while (true)
                {
                    var rows = await ReadBatchAsync(column, after, DefaultBatchSize * 10, null, cancellationToken);
                    if (rows.Count == 0)
                    {
                        break;
                    }

                    foreach (var (_, stored) in rows)
                    {
                        if (FieldKeyRing.KeyIdOf(stored) is { } id)
                        {
                            perKey[id] = perKey.GetValueOrDefault(id) + 1;
                        }
                        else
                        {
                            other++;
                        }
                    }

                    after = rows[^1].Key;
                }

                counts.AddRange(perKey.OrderBy(k => k.Key).Select(k => new ColumnKeyCount(column.Name, k.Key, k.Value)));
                if (other > 0)
                {
                    counts.Add(new ColumnKeyCount(column.Name, null, other));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return counts;
    }

    private async Task<ColumnRotation> RotateColumnAsync(ProtectedColumn column, int batchSize, IProgress<RotationProgress>? progress, CancellationToken cancellationToken)
    {
        long scanned = 0, current = 0, reencrypted = 0, changed = 0;
        object[]? after = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var dbTransaction = transaction.GetDbTransaction();
            var rows = await ReadBatchAsync(column, after, batchSize, dbTransaction, cancellationToken);
            if (rows.Count == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                break;
            }

            foreach (var (key, stored) in rows)
            {
                scanned++;
                if (FieldKeyRing.KeyIdOf(stored) == ring.ActiveKeyId)
                {
                    current++;
                    continue;
                }

                // Unprotect throws a clear FieldDecryptionException for an unknown key or a tampered value;
                // the batches committed so far stay committed and a re-run continues from there.
                var fresh = ring.Protect(ring.Unprotect(stored, column.Name), column.Name);
                if (await UpdateAsync(column, key, stored, fresh, dbTransaction, cancellationToken) == 1)
                {
                    reencrypted++;
                }
                else
                {
                    changed++;
                }
            }

            await transaction.CommitAsync(cancellationToken);
            after = rows[^1].Key;
            progress?.Report(new RotationProgress(column.Name, scanned, reencrypted));
        }

        return new ColumnRotation(column.Name, scanned, current, reencrypted, changed);
    }

    /// <summary>The next rows in key order; a composite key (Identity's user_tokens) pages by row-value comparison.</summary>
    private async Task<List<(object[] Key, string Stored)>> ReadBatchAsync(
        ProtectedColumn column, object[]? after, int limit, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var (table, value) = (sql.DelimitIdentifier(column.Table), sql.DelimitIdentifier(column.Column));
        var keys = string.Join(", ", column.KeyColumns.Select(k => sql.DelimitIdentifier(k)));
        var afterParameters = string.Join(", ", column.KeyColumns.Select((_, i) => Name("@after", i)));
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Identifiers come from the EF model and are delimited; values are parameters.
        command.CommandText = $"SELECT {keys}, {value} FROM {table} WHERE {value} IS NOT NULL"
            + (after is null ? "" : $" AND ({keys}) > ({afterParameters})") + $" ORDER BY {keys} LIMIT @limit";
#pragma warning restore CA2100
        for (var i = 0; after is not null && i < after.Length; i++)
        {
            AddParameter(command, Name("@after", i), after[i]);
        }

        AddParameter(command, "@limit", limit);
        var rows = new List<(object[], string)>();
        var width = column.KeyColumns.Count;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new object[width];
            for (var i = 0; i < width; i++)
            {
                key[i] = reader.GetValue(i);
            }

            rows.Add((key, reader.GetString(width)));
        }

        return rows;
    }

    private async Task<int> UpdateAsync(ProtectedColumn column, object[] key, string old, string fresh, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var (table, value) = (sql.DelimitIdentifier(column.Table), sql.DelimitIdentifier(column.Column));
        var match = string.Join(" AND ", column.KeyColumns.Select((k, i) => sql.DelimitIdentifier(k) + " = " + Name("@key", i)));
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Identifiers come from the EF model and are delimited; values are parameters.
        command.CommandText = $"UPDATE {table} SET {value} = @fresh WHERE {match} AND {value} = @old";
#pragma warning restore CA2100
        AddParameter(command, "@fresh", fresh);
        for (var i = 0; i < key.Length; i++)
        {
            AddParameter(command, Name("@key", i), key[i]);
        }

        AddParameter(command, "@old", old);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Name(string prefix, int index) => prefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
