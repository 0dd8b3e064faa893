using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Glidepath.Infrastructure.Persistence;

/// <summary>
/// One INSERT statement prepared on the SQLite connection's native handle, bound by position from
/// UTF-8 text formatted into one reused buffer. Microsoft.Data.Sqlite allocates a data reader, a
/// name lookup and two or three strings per parameter on every execution (2.7 KB a transaction
/// row); this allocates nothing per row: <see cref="RowBinder"/> reads each column with its own
/// typed getter and calls the matching method, so no value is boxed either.
/// Values are written in exactly the text Microsoft.Data.Sqlite would write (BulkInsertTest,
/// SqliteTextTest).
/// </summary>
internal sealed class SqliteRowInsert : IRowWriter, IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly Action<IRowWriter, object> _bind;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(256);

    public SqliteRowInsert(SqliteConnection connection, string sql, Action<IRowWriter, object> bind)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        _bind = bind;
    }

    public void Insert(object row)
    {
        _bind(this, row);
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }
    }

    public void Dispose()
    {
        _statement.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
    }

    public void WriteNull(int index) => Check(raw.sqlite3_bind_null(_statement, index));

    public void WriteInt64(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void WriteInt32(int index, int value) => WriteInt64(index, value);

    public void WriteBoolean(int index, bool value) => WriteInt64(index, value ? 1 : 0);

    public void WriteDouble(int index, double value) => Check(raw.sqlite3_bind_double(_statement, index, value));

    public void WriteText(int index, string value)
    {
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_buffer.Length < length)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(length);
        }

        var written = Encoding.UTF8.GetBytes(value, _buffer);
        BindBuffer(index, written);
    }

    public void WriteDecimal(int index, decimal value) => BindBuffer(index, SqliteText.Format(value, _buffer));

    public void WriteDate(int index, DateOnly value) => BindBuffer(index, SqliteText.Format(value, _buffer));

    public void WriteGuid(int index, Guid value) => BindBuffer(index, SqliteText.Format(value, _buffer));

    private void BindBuffer(int index, int length) => Check(raw.sqlite3_bind_text(_statement, index, _buffer.AsSpan(0, length)));

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
        }
    }
}
