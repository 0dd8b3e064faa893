using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.MarketData;
using Glidepath.Domain.Pricing;
using Glidepath.Infrastructure.Import;

namespace Glidepath.Infrastructure.MarketData;

/// <summary>
/// The ECB's euro foreign exchange reference rates: units of each currency per euro, one set per
/// TARGET business day. The last 90 days come from <c>{base}/stats/eurofxref/eurofxref-hist-90d.xml</c>;
/// an older start (a backfill) reads the whole history from <c>eurofxref-hist.zip</c> (one CSV,
/// <c>Date,USD,JPY,…</c>, <c>N/A</c> where a currency had no rate). Currencies Glidepath does not
/// support are left out. Cross rates go through the euro in <see cref="FxRefresh"/>.
/// </summary>
public sealed class EcbFxProvider(HttpClient http, TimeProvider clock) : IFxRateProvider
{
    public const string ProviderName = "ecb";

    public string Name => ProviderName;

    public async Task<IReadOnlyList<FxRate>> RatesAsync(DateOnly from, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rates = from > today.AddDays(-85)
            ? ParseXml(await ProviderHttp.GetStringAsync(http, "stats/eurofxref/eurofxref-hist-90d.xml", "ECB", "the 90-day rates", ct))
            : ParseZip(await ProviderHttp.GetBytesAsync(http, "stats/eurofxref/eurofxref-hist.zip", "ECB", "the rate history", ct));
        return [.. rates.Where(r => r.Date >= from)];
    }

    /// <summary>The daily, 90-day and full-history XML files share one shape: <c>Cube time</c> holding <c>Cube currency rate</c>.</summary>
    internal static IReadOnlyList<FxRate> ParseXml(string text)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(text);
        }
        catch (XmlException e)
        {
            throw new MarketDataException($"The ECB answered '{DailyCsv.FirstLine(text)}', not its reference-rate XML ({e.Message}).", e);
        }

        var days = document.Descendants().Where(e => e.Name.LocalName == "Cube" && e.Attribute("time") is not null).ToList();
        if (days.Count == 0 && !document.Descendants().Any(e => e.Name.LocalName == "Cube"))
        {
            throw new MarketDataException("The ECB's answer has no Cube elements.");
        }

        var rates = new List<FxRate>();
        foreach (var day in days)
        {
            var date = Date((string)day.Attribute("time")!);
            foreach (var cube in day.Elements().Where(e => e.Name.LocalName == "Cube"))
            {
                Add(rates, date, (string?)cube.Attribute("currency"), (string?)cube.Attribute("rate"));
            }
        }

        return rates;
    }

    internal static IReadOnlyList<FxRate> ParseZip(byte[] zip)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
            var entry = archive.Entries.FirstOrDefault(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                ?? throw new MarketDataException("The ECB's history zip holds no CSV.");
            using var csv = DailyCsv.Open(entry.Open());
            var header = csv.Read() ? Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)).ToArray() : [];
            var rates = new List<FxRate>();
            while (csv.Read())
            {
                var date = Date(CsvCells.Cell(csv, 0));
                for (var column = 1; column < header.Length; column++)
                {
                    Add(rates, date, header[column], CsvCells.Cell(csv, column));
                }
            }

            return rates;
        }
        catch (InvalidDataException e)
        {
            throw new MarketDataException($"The ECB's history is not a zip ({e.Message}).", e);
        }
    }

    private static void Add(List<FxRate> rates, DateOnly date, string? code, string? rateText)
    {
        if (Currency.TryParse(code?.Trim(), out var currency) && currency != Currency.Eur
            && decimal.TryParse(rateText?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0m)
        {
            rates.Add(new FxRate(Currency.Eur, currency, date, rate));
        }
    }

    private static DateOnly Date(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new MarketDataException($"The ECB sent '{text}' as a date.");
}
