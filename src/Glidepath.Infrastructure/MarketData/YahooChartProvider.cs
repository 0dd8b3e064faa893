using System.Text.Json;
using Glidepath.Domain.MarketData;

namespace Glidepath.Infrastructure.MarketData;

/// <summary>
/// Yahoo Finance's chart API, <c>{base}/v8/finance/chart/MSFT?period1=…&amp;period2=…&amp;interval=1d&amp;events=split</c>.
/// Yahoo's <c>close</c> is adjusted for every split after the bar; Glidepath stores closes as
/// traded (the ledger books the split), so each close is multiplied back by the splits after its
/// day (<see cref="Unadjust"/>). Only splits inside the requested range are in the answer, so the
/// range always runs to today. A bar's day is its timestamp in the exchange's time zone.
/// </summary>
public sealed class YahooChartProvider(HttpClient http, TimeProvider clock) : IMarketDataProvider, ICorporateActionSource
{
    public const string ProviderName = "yahoo";

    /// <summary>Yahoo sends binary floats (129.0399932861328); four decimals keep every published cent.</summary>
    private const int Decimals = 4;

    public string Name => ProviderName;

    public async Task<IReadOnlyList<DailyClose>> HistoryAsync(string symbol, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var end = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        var text = await ProviderHttp.GetStringAsync(
            http, $"v8/finance/chart/{Uri.EscapeDataString(symbol)}?period1={start}&period2={end}&interval=1d&events=split", "Yahoo", symbol, ct);
        return [.. Parse(text, symbol).Where(c => c.Date >= from && c.Date <= to)];
    }

    public async Task<DailyClose?> LatestAsync(string symbol, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var closes = await HistoryAsync(symbol, today.AddDays(-14), today, ct);
        return closes.Count == 0 ? null : closes[^1];
    }

    /// <summary>The chart's <c>events=div|split</c> from <paramref name="from"/> to today (the range must reach today: see <see cref="ParseEvents"/>).</summary>
    public async Task<CorporateActionHistory> ActionsAsync(string symbol, DateOnly from, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var end = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        var text = await ProviderHttp.GetStringAsync(
            http, $"v8/finance/chart/{Uri.EscapeDataString(symbol)}?period1={start}&period2={end}&interval=1d&events=div%7Csplit", "Yahoo", symbol, ct);
        return ParseEvents(text, symbol);
    }

    /// <summary>
    /// The chart body's dividends and splits, by date. Yahoo adjusts a dividend for the splits after it, as it
    /// adjusts closes; each amount is multiplied back by the answer's later splits (so the range must reach
    /// today), giving the amount per share as held on the ex-date.
    /// </summary>
    internal static CorporateActionHistory ParseEvents(string text, string symbol)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var chart = json.RootElement.GetProperty("chart");
            if (chart.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                throw new MarketDataException($"Yahoo for {symbol}: {(error.TryGetProperty("description", out var d) ? d.GetString() : error.ToString())}");
            }

            var result = chart.GetProperty("result")[0];
            var offset = result.GetProperty("meta").TryGetProperty("gmtoffset", out var gmt) ? gmt.GetInt64() : 0;
            var splits = new List<SplitEvent>();
            var dividends = new List<DividendEvent>();
            if (result.TryGetProperty("events", out var events))
            {
                if (events.TryGetProperty("splits", out var splitEvents))
                {
                    foreach (var split in splitEvents.EnumerateObject())
                    {
                        var (numerator, denominator) = (split.Value.GetProperty("numerator").GetDecimal(), split.Value.GetProperty("denominator").GetDecimal());
                        if (numerator > 0m && denominator > 0m)
                        {
                            splits.Add(new SplitEvent(Day(split.Value.GetProperty("date").GetInt64(), offset), numerator, denominator));
                        }
                    }
                }

                if (events.TryGetProperty("dividends", out var dividendEvents))
                {
                    foreach (var dividend in dividendEvents.EnumerateObject())
                    {
                        var day = Day(dividend.Value.GetProperty("date").GetInt64(), offset);
                        var amount = splits.Where(s => s.Date > day).Aggregate(dividend.Value.GetProperty("amount").GetDecimal(), (a, s) => a * s.Numerator / s.Denominator);
                        if (amount > 0m)
                        {
                            dividends.Add(new DividendEvent(day, amount));
                        }
                    }
                }
            }

            return new CorporateActionHistory([.. dividends.OrderBy(d => d.ExDate)], [.. splits.OrderBy(s => s.Date)]);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            throw new MarketDataException($"Yahoo's answer for {symbol} is not a chart ({e.Message}).", e);
        }
    }

    /// <summary>Not offered: Yahoo's search is not part of the chart API.</summary>
    public Task<IReadOnlyList<SymbolMatch>> SearchAsync(string query, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<SymbolMatch>>([]);

    /// <summary>The chart body's daily closes as traded, ascending; days without a close (null) are left out.</summary>
    internal static IReadOnlyList<DailyClose> Parse(string text, string symbol)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var chart = json.RootElement.GetProperty("chart");
            if (chart.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                throw new MarketDataException($"Yahoo for {symbol}: {(error.TryGetProperty("description", out var d) ? d.GetString() : error.ToString())}");
            }

            var result = chart.GetProperty("result")[0];
            var offset = result.GetProperty("meta").TryGetProperty("gmtoffset", out var gmt) ? gmt.GetInt64() : 0;
            if (!result.TryGetProperty("timestamp", out var timestamps))
            {
                return []; // an empty range: Yahoo leaves out the arrays
            }

            var closes = result.GetProperty("indicators").GetProperty("quote")[0].GetProperty("close");
            var bars = new List<DailyClose>();
            for (var i = 0; i < timestamps.GetArrayLength(); i++)
            {
                if (closes[i].ValueKind == JsonValueKind.Number)
                {
                    bars.Add(new DailyClose(Day(timestamps[i].GetInt64(), offset), (decimal)closes[i].GetDouble()));
                }
            }

            var splits = new List<(DateOnly Date, decimal Factor)>();
            if (result.TryGetProperty("events", out var events) && events.TryGetProperty("splits", out var splitEvents))
            {
                foreach (var split in splitEvents.EnumerateObject())
                {
                    var numerator = split.Value.GetProperty("numerator").GetDecimal();
                    var denominator = split.Value.GetProperty("denominator").GetDecimal();
                    if (numerator > 0m && denominator > 0m)
                    {
                        splits.Add((Day(split.Value.GetProperty("date").GetInt64(), offset), numerator / denominator));
                    }
                }
            }

            return DailyCsv.Ascending([.. Unadjust(bars, splits)], $"Yahoo ({symbol})");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            throw new MarketDataException($"Yahoo's answer for {symbol} is not a chart ({e.Message}).", e);
        }
    }

    /// <summary>
    /// A close before a split day is multiplied by that split's factor (4 for a 4-for-1): Yahoo
    /// shows AAPL's 28 August 2020 close as 124.8075, it traded at 499.23.
    /// </summary>
    internal static IEnumerable<DailyClose> Unadjust(IEnumerable<DailyClose> bars, IReadOnlyList<(DateOnly Date, decimal Factor)> splits) =>
        bars.Select(b => b with
        {
            Close = Math.Round(splits.Where(s => s.Date > b.Date).Aggregate(b.Close, (close, s) => close * s.Factor), Decimals, MidpointRounding.ToEven),
        });

    private static DateOnly Day(long unixSeconds, long gmtOffset) =>
        DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(unixSeconds + gmtOffset).UtcDateTime);
}
