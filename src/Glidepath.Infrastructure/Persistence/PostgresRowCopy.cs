using Npgsql;
using NpgsqlTypes;

namespace Glidepath.Infrastructure.Persistence;

/// <summary>
/// Rows streamed into one table with PostgreSQL's binary COPY, inside the connection's current
/// transaction: one round trip for the whole set instead of an INSERT per row (EF's batched
/// SaveChanges took about a millisecond a row). Each value is written with the PostgreSQL type
/// of its provider CLR type, as Npgsql would bind it (text serves varchar columns too).
/// Rows are written synchronously into the importer's buffer (a full buffer is sent at once), the
/// end of the COPY asynchronously.
/// </summary>
internal sealed class PostgresRowCopy : IRowWriter, IDisposable
{
    private readonly NpgsqlBinaryImporter _importer;
    private readonly Action<IRowWriter, object> _bind;

    public PostgresRowCopy(NpgsqlConnection connection, string copyCommand, Action<IRowWriter, object> bind)
    {
        _importer = connection.BeginBinaryImport(copyCommand);
        _bind = bind;
    }

    public void Insert(object row)
    {
        _importer.StartRow();
        _bind(this, row);
    }

    /// <summary>Ends the COPY; without it (an exception on the way) Dispose cancels it and the server keeps no row.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken) => await _importer.CompleteAsync(cancellationToken);

    public void Dispose() => _importer.Dispose();

    public void WriteNull(int index) => _importer.WriteNull();

    public void WriteText(int index, string value) => _importer.Write(value, NpgsqlDbType.Text);

    public void WriteDecimal(int index, decimal value) => _importer.Write(value, NpgsqlDbType.Numeric);

    public void WriteDate(int index, DateOnly value) => _importer.Write(value, NpgsqlDbType.Date);

    public void WriteGuid(int index, Guid value) => _importer.Write(value, NpgsqlDbType.Uuid);

    public void WriteBoolean(int index, bool value) => _importer.Write(value, NpgsqlDbType.Boolean);

    public void WriteInt32(int index, int value) => _importer.Write(value, NpgsqlDbType.Integer);

    public void WriteInt64(int index, long value) => _importer.Write(value, NpgsqlDbType.Bigint);

    public void WriteDouble(int index, double value) => _importer.Write(value, NpgsqlDbType.Double);
}
