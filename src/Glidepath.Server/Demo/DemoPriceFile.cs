using System.Globalization;
using System.Text;
using Glidepath.Domain.Pricing;

namespace Glidepath.Server.Demo;

/// <summary>
/// The shipped wide close file (<c>date,SYMBOL,…</c>, one row a trading day), read once: its dates
/// for <see cref="DemoCalendar"/>, its closes on their own dates for the history generator, and the
/// same file re-dated for the price importer.
/// </summary>
internal sealed class DemoPriceFile
{
    private readonly string header;
    private readonly List<(DateOnly Date, string[] Cells)> rows;

    private DemoPriceFile(string header, List<(DateOnly Date, string[] Cells)> rows)
    {
        this.header = header;
        this.rows = rows;
    }

    public IReadOnlyList<DateOnly> Dates => [.. rows.Select(r => r.Date)];

    public static DemoPriceFile Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var rows = lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(','))
            .Select(cells => (DateOnly.ParseExact(cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), cells))
            .OrderBy(r => r.Item1)
            .ToList();
        return new DemoPriceFile(lines[0], rows);
    }

    /// <summary>Every close up to <paramref name="last"/>, on the file's own dates.</summary>
    public IEnumerable<PriceClose> Closes(IReadOnlyDictionary<string, Guid> instrumentIds, DateOnly last)
    {
        var symbols = header.Split(',');
        return rows.Where(r => r.Date <= last).SelectMany(r => symbols.Skip(1).Select((symbol, i) =>
            new PriceClose(instrumentIds[symbol], r.Date, decimal.Parse(r.Cells[i + 1], CultureInfo.InvariantCulture))));
    }

    /// <summary>The file as the importer reads it, every date moved by <paramref name="calendar"/> and cut at its last close.</summary>
    public Stream ShiftedCsv(DemoCalendar calendar)
    {
        var text = new StringBuilder(header).Append('\n');
        foreach (var (date, cells) in rows.Where(r => r.Date <= calendar.LastClose))
        {
            text.Append(calendar.Shift(date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            for (var i = 1; i < cells.Length; i++)
            {
                text.Append(',').Append(cells[i]);
            }

            text.Append('\n');
        }

        return new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
