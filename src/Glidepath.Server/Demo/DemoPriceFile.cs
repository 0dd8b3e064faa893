using System.Globalization;
using System.Text;
using Glidepath.Domain.Pricing;

namespace Glidepath.Server.Demo;

/// <summary>
/// The shipped wide close file (<c>date,SYMBOL,…</c>, one row a trading day), read once: its dates
/// for <see cref="DemoCalendar"/>, its closes on their own dates for the history generator, and the
/// same closes re-dated as the local market-data provider's files.
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

    /// <summary>
    /// One <c>Date,Close</c> file per symbol in <paramref name="folder"/> (the local provider's
    /// layout), every date moved by <paramref name="calendar"/> and cut at its last close.
    /// </summary>
    public async Task WriteLocalFilesAsync(string folder, DemoCalendar calendar, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var symbols = header.Split(',');
        var kept = rows.Where(r => r.Date <= calendar.LastClose).ToList();
        for (var column = 1; column < symbols.Length; column++)
        {
            var text = new StringBuilder("Date,Close\n");
            foreach (var (date, cells) in kept)
            {
                text.Append(calendar.Shift(date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').Append(cells[column]).Append('\n');
            }

            await File.WriteAllTextAsync(Path.Combine(folder, symbols[column] + ".csv"), text.ToString(), ct);
        }
    }
}
