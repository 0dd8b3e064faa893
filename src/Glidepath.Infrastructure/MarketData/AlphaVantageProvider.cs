using System.Globalization;
using System.Text.Json;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.MarketData;
using Glidepath.Domain.Pricing;

namespace Glidepath.Infrastructure.MarketData;

/// <summary>
/// Alpha Vantage: <c>TIME_SERIES_DAILY</c> (closes as traded, not adjusted), <c>FX_DAILY</c> for
/// the pairs in <see cref="ProviderOptions.FxPairs"/> and <c>SYMBOL_SEARCH</c>. It reports a
/// problem inside a 200 (<c>Error Message</c>, <c>Note</c>, <c>Information</c>: unknown symbol,
/// call budget spent, bad key); each becomes a <see cref="MarketDataException"/> with its text.
/// </summary>
public sealed class AlphaVantageProvider(HttpClient http, ProviderOptions options) : IMarketDataProvider, IFxRateProvider
{
    public const string ProviderName = "alphavantage";

    /// <summary>Where Alpha Vantage puts a problem inside a 200.</summary>
    private static readonly string[] ProblemKeys = ["Error Message", "Note", "Information"];

    public string Name => ProviderName;

    public async Task<IReadOnlyList<DailyClose>> HistoryAsync(string symbol, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        // "compact" is the last 100 days; a longer window needs the full history.
        var size = to.DayNumber - from.DayNumber > 100 ? "full" : "compact";
        using var json = await QueryAsync($"function=TIME_SERIES_DAILY&symbol={Uri.EscapeDataString(symbol)}&outputsize={size}", symbol, ct);
        return Series(json, "Time Series (Daily)", symbol, from, to);
    }

    public async Task<DailyClose?> LatestAsync(string symbol, CancellationToken ct = default)
    {
        using var json = await QueryAsync($"function=TIME_SERIES_DAILY&symbol={Uri.EscapeDataString(symbol)}&outputsize=compact", symbol, ct);
        var closes = Series(json, "Time Series (Daily)", symbol, DateOnly.MinValue, DateOnly.MaxValue);
        return closes.Count == 0 ? null : closes[^1];
    }

    public async Task<IReadOnlyList<SymbolMatch>> SearchAsync(string query, CancellationToken ct = default)
    {
        using var json = await QueryAsync($"function=SYMBOL_SEARCH&keywords={Uri.EscapeDataString(query)}", query, ct);
        if (!json.RootElement.TryGetProperty("bestMatches", out var matches) || matches.ValueKind != JsonValueKind.Array)
        {
            throw new MarketDataException($"Alpha Vantage's search for '{query}' has no bestMatches.");
        }

        return [.. matches.EnumerateArray().Select(m => new SymbolMatch(
            Text(m, "1. symbol") ?? "", Text(m, "2. name") ?? "", Text(m, "4. region"), Text(m, "8. currency")))];
    }

    /// <summary>FX_DAILY for each configured pair; units of the second currency per unit of the first.</summary>
    public async Task<IReadOnlyList<FxRate>> RatesAsync(DateOnly from, CancellationToken ct = default)
    {
        var rates = new List<FxRate>();
        foreach (var pair in options.FxPairs)
        {
            var (baseCode, quoteCode) = pair.Split('/') is [var b, var q] ? (b.Trim(), q.Trim()) : throw new MarketDataException($"FX pair '{pair}' is not BASE/QUOTE.");
            if (!Currency.TryParse(baseCode, out var @base) || !Currency.TryParse(quoteCode, out var quote))
            {
                throw new MarketDataException($"FX pair '{pair}' names a currency Glidepath does not support.");
            }

            using var json = await QueryAsync($"function=FX_DAILY&from_symbol={@base.Code}&to_symbol={quote.Code}&outputsize=full", pair, ct);
            rates.AddRange(Series(json, "Time Series FX (Daily)", pair, from, DateOnly.MaxValue).Select(c => new FxRate(@base, quote, c.Date, c.Close)));
        }

        return rates;
    }

    private async Task<JsonDocument> QueryAsync(string query, string what, CancellationToken ct)
    {
        var text = await ProviderHttp.GetStringAsync(http, $"query?{query}&apikey={Uri.EscapeDataString(options.ApiKey ?? "demo")}", "Alpha Vantage", what, ct);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new MarketDataException($"Alpha Vantage answered '{DailyCsv.FirstLine(text)}' for {what}, not JSON.", e);
        }

        if (json.RootElement.ValueKind == JsonValueKind.Object
            && ProblemKeys.Select(k => Text(json.RootElement, k)).FirstOrDefault(m => m is not null) is { } problem)
        {
            json.Dispose();
            throw new MarketDataException($"Alpha Vantage for {what}: {problem}");
        }

        return json;
    }

    private static IReadOnlyList<DailyClose> Series(JsonDocument json, string key, string what, DateOnly from, DateOnly to)
    {
        if (!json.RootElement.TryGetProperty(key, out var series) || series.ValueKind != JsonValueKind.Object)
        {
            throw new MarketDataException($"Alpha Vantage's answer for {what} has no '{key}'.");
        }

        var closes = new List<DailyClose>();
        foreach (var day in series.EnumerateObject())
        {
            if (!DateOnly.TryParseExact(day.Name, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || !decimal.TryParse(Text(day.Value, "4. close"), NumberStyles.Float, CultureInfo.InvariantCulture, out var close) || close <= 0m)
            {
                throw new MarketDataException($"Alpha Vantage's day '{day.Name}' for {what} has no positive '4. close'.");
            }

            if (date >= from && date <= to)
            {
                closes.Add(new DailyClose(date, close));
            }
        }

        return DailyCsv.Ascending(closes, $"Alpha Vantage ({what})");
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
