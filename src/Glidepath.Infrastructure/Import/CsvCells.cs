using System.Globalization;
using CsvHelper;
using Glidepath.Domain.Calendar;

namespace Glidepath.Infrastructure.Import;

/// <summary>
/// CSV reading shared by the importers (CsvHelper's streaming reader): comma separated, invariant
/// culture, trimmed cells, header handled here so a broker's title line above it can be skipped.
/// Row numbers count every record of the file from 1, the header included.
/// </summary>
internal static class CsvCells
{
    public static CsvReader Open(Stream stream, ImportErrors errors) => CsvReader.Create(stream, CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        TrimWhitespace = true,
        FormatProvider = CultureInfo.InvariantCulture,
        OnMalformedRecord = record => errors.Add(new ImportError(checked((int)record.RecordNumber), null, $"Malformed CSV quoting ({record.Reason}).")),
    }, leaveOpen: true);

    public static int Row(CsvReader reader) => checked((int)reader.RowNumber);

    /// <summary>Column index by header name (case-insensitive); the first of repeated names wins.</summary>
    public static Dictionary<string, int> IndexHeader(CsvReader reader)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            index.TryAdd(reader.GetString(i).Trim(), i);
        }

        return index;
    }

    /// <summary>The cell, or "" when the row is shorter than the header.</summary>
    public static string Cell(CsvReader reader, int? index) =>
        index is { } i && i < reader.FieldCount ? reader.GetString(i) ?? "" : "";

    /// <summary>A yyyy-MM-dd date inside <see cref="ValidDates"/> (the API accepts the same range).</summary>
    public static bool TryParseIsoDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && ValidDates.Contains(date);

    /// <summary>Plain invariant decimal: optional sign, '.' as the decimal point, no thousands separators, no exponent.</summary>
    public static bool TryParseDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
