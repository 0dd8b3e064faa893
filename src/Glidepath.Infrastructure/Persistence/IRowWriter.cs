namespace Glidepath.Infrastructure.Persistence;

/// <summary>
/// Where <see cref="RowBinder"/> puts one row's column values, typed by the provider type of each
/// column (after its value converter): a prepared SQLite INSERT (<see cref="SqliteRowInsert"/>) or a
/// PostgreSQL binary COPY (<see cref="PostgresRowCopy"/>). Columns come in order; index is 1-based.
/// </summary>
internal interface IRowWriter
{
    void WriteNull(int index);

    void WriteText(int index, string value);

    void WriteDecimal(int index, decimal value);

    void WriteDate(int index, DateOnly value);

    void WriteGuid(int index, Guid value);

    void WriteBoolean(int index, bool value);

    void WriteInt32(int index, int value);

    void WriteInt64(int index, long value);

    void WriteDouble(int index, double value);
}
