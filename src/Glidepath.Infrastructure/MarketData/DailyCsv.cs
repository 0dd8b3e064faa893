using System.Globalization;
using System.Text;
using CsvHelper;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.MarketData;
using Glidepath.Infrastructure.Import;

namespace Glidepath.Infrastructure.MarketData;

/// <summary>
/// Stooq's daily CSV (<c>Date,Open,High,Low,Close,Volume</c>, ascending), which the local-folder
/// provider reads too: only Date and Close are needed, so a plain <c>Date,Close</c> file works.
/// Anything else (Stooq answers "No data" or a notice about its API key as text) is one
/// <see cref="MarketDataException"/> naming what came back.
/// </summary>
internal static class DailyCsv
{
    public static IReadOnlyList<DailyClose> Parse(string text, string source, DateOnly from, DateOnly to)
    {
        using var reader = Open(text);
        var header = reader.Read() ? CsvCells.IndexHeader(reader) : [];
        if (!header.TryGetValue("Date", out var dateColumn) || !header.TryGetValue("Close", out var closeColumn))
        {
            throw new MarketDataException($"{source} answered '{FirstLine(text)}', not a Date,…,Close CSV.");
        }

        var closes = new List<DailyClose>();
        while (reader.Read())
        {
            var dateText = CsvCells.Cell(reader, dateColumn);
            var closeText = CsvCells.Cell(reader, closeColumn);
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || !decimal.TryParse(closeText, NumberStyles.Float, CultureInfo.InvariantCulture, out var close) || close <= 0m || close > Magnitudes.Max)
            {
                throw new MarketDataException($"{source}: row {reader.RowNumber} ('{dateText}', '{closeText}') is not a date and a positive close of at most {Magnitudes.Max:#,0}.");
            }

            if (date >= from && date <= to)
            {
                closes.Add(new DailyClose(date, close));
            }
        }

        return Ascending(closes, source);
    }

    internal static CsvReader Open(string text) => Open(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    internal static CsvReader Open(Stream stream) => CsvReader.Create(stream, CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        TrimWhitespace = true,
        FormatProvider = CultureInfo.InvariantCulture,
    });

    /// <summary>Sorted by date; the same day twice is a broken answer, not a correction.</summary>
    internal static IReadOnlyList<DailyClose> Ascending(List<DailyClose> closes, string source)
    {
        closes.Sort((a, b) => a.Date.CompareTo(b.Date));
        for (var i = 1; i < closes.Count; i++)
        {
            if (closes[i].Date == closes[i - 1].Date)
            {
                throw new MarketDataException($"{source} sent {closes[i].Date:yyyy-MM-dd} twice.");
            }
        }

        return closes;
    }

    internal static string FirstLine(string text)
    {
        var line = text.AsSpan().TrimStart();
        var end = line.IndexOfAny('\r', '\n');
        line = end < 0 ? line : line[..end];
        return line.Length > 80 ? string.Concat(line[..80], "…") : line.ToString();
    }
}
