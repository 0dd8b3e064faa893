using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Glidepath.Domain.MarketData;

namespace Glidepath.Infrastructure.MarketData;

/// <summary>
/// FRED series observations (<c>{base}/fred/series/observations?series_id=CPIAUCSL&amp;api_key=…</c>)
/// in FRED's default XML: <c>observation date value</c>, where <c>.</c> is a missing value (left out).
/// For the inflation and risk-free series the planner and the Sharpe ratio read.
/// </summary>
public sealed class FredSeriesProvider(HttpClient http, ProviderOptions options)
{
    public const string ProviderName = "fred";

    public async Task<IReadOnlyList<DailyClose>> ObservationsAsync(string seriesId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var text = await ProviderHttp.GetStringAsync(
            http,
            $"fred/series/observations?series_id={Uri.EscapeDataString(seriesId)}&observation_start={from:yyyy-MM-dd}&observation_end={to:yyyy-MM-dd}&api_key={Uri.EscapeDataString(options.ApiKey ?? "")}",
            "FRED",
            seriesId,
            ct);
        return Parse(text, seriesId);
    }

    internal static IReadOnlyList<DailyClose> Parse(string text, string seriesId)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(text);
        }
        catch (XmlException e)
        {
            throw new MarketDataException($"FRED answered '{DailyCsv.FirstLine(text)}' for {seriesId}, not its observations XML.", e);
        }

        if (document.Root?.Name.LocalName == "error")
        {
            throw new MarketDataException($"FRED for {seriesId}: {(string?)document.Root.Attribute("message")}");
        }

        var values = new List<DailyClose>();
        foreach (var observation in document.Descendants("observation"))
        {
            var dateText = (string?)observation.Attribute("date");
            var valueText = (string?)observation.Attribute("value");
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new MarketDataException($"FRED sent '{dateText}' as a date for {seriesId}.");
            }

            if (valueText != "." && decimal.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                values.Add(new DailyClose(date, value));
            }
        }

        return DailyCsv.Ascending(values, $"FRED ({seriesId})");
    }
}
