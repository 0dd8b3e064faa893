using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Glidepath.Infrastructure.Persistence;

/// <summary>
/// One INSERT statement prepared on the SQLite connection's native handle, bound by position from
/// UTF-8 text formatted into one reused buffer. Microsoft.Data.Sqlite allocates a data reader, a
/// name lookup and two or three strings per parameter on every execution (2.7 KB a transaction
/// row); this allocates nothing per row beyond the boxed values the EF getters return.
/// Values are written in exactly the text Microsoft.Data.Sqlite would write (BulkInsertTest).
/// </summary>
internal sealed class SqliteRowInsert : IDisposable
{
    // Microsoft.Data.Sqlite's text forms of decimal and DateOnly.
    private const string DecimalFormat = "0.0###########################";
    private const string DateFormat = "yyyy\\-MM\\-dd";

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly (IClrPropertyGetter Getter, Func<object?, object?>? Converter)[] _columns;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(256);

    public SqliteRowInsert(SqliteConnection connection, string sql, (IClrPropertyGetter Getter, Func<object?, object?>? Converter)[] columns)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        _columns = columns;
    }

    public void Insert(object row)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            var (getter, converter) = _columns[i];
            var value = getter.GetClrValue(row);
            if (value is not null && converter is not null)
            {
                value = converter(value);
            }

            Bind(i + 1, value);
        }

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

    private void Bind(int index, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            string s => BindText(index, s),
            decimal d => BindFormatted(index, d, DecimalFormat),
            DateOnly d => BindFormatted(index, d, DateFormat),
            Guid g => BindGuid(index, g),
            bool b => raw.sqlite3_bind_int64(_statement, index, b ? 1 : 0),
            int n => raw.sqlite3_bind_int64(_statement, index, n),
            long n => raw.sqlite3_bind_int64(_statement, index, n),
            double x => raw.sqlite3_bind_double(_statement, index, x),
            _ => throw new NotSupportedException($"SqliteRowInsert cannot bind a {value.GetType()}; add it here with Microsoft.Data.Sqlite's text form."),
        };
        Check(rc);
    }

    private int BindText(int index, string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_buffer.Length < length)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(length);
        }

        var written = Encoding.UTF8.GetBytes(text, _buffer);
        return raw.sqlite3_bind_text(_statement, index, _buffer.AsSpan(0, written));
    }

    private int BindFormatted<T>(int index, T value, string format)
        where T : IUtf8SpanFormattable
    {
        if (!value.TryFormat(_buffer, out var written, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"Could not format {value}.");
        }

        return raw.sqlite3_bind_text(_statement, index, _buffer.AsSpan(0, written));
    }

    // Microsoft.Data.Sqlite writes a Guid bound as text in upper case ("D" format).
    private int BindGuid(int index, Guid value)
    {
        Span<char> chars = stackalloc char[36];
        value.TryFormat(chars, out _, "D");
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            _buffer[i] = (byte)(c is >= 'a' and <= 'f' ? c - 32 : c);
        }

        return raw.sqlite3_bind_text(_statement, index, _buffer.AsSpan(0, 36));
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
        }
    }
}
