using Glidepath.Domain.MarketData;

namespace Glidepath.Infrastructure.MarketData;

/// <summary>
/// Stooq's daily CSV download, <c>{base}/q/d/l/?s=msft.us&amp;i=d&amp;d1=YYYYMMDD&amp;d2=YYYYMMDD</c>.
/// Stooq's closes are adjusted for splits; <see cref="PriceRefresh"/> refuses a window in which the
/// stored closes differ from Stooq's by one factor (a split) rather than overwrite them.
/// </summary>
public sealed class StooqProvider(HttpClient http, ProviderOptions options, TimeProvider clock) : IMarketDataProvider
{
    public const string ProviderName = "stooq";

    public string Name => ProviderName;

    public async Task<IReadOnlyList<DailyClose>> HistoryAsync(string symbol, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var url = $"q/d/l/?s={Uri.EscapeDataString(symbol.ToLowerInvariant())}&i=d&d1={from:yyyyMMdd}&d2={to:yyyyMMdd}"
            + (options.ApiKey is { Length: > 0 } key ? $"&apikey={Uri.EscapeDataString(key)}" : "");
        var text = await ProviderHttp.GetStringAsync(http, url, Name, symbol, ct);
        return DailyCsv.Parse(text, $"Stooq ({symbol})", from, to);
    }

    public async Task<DailyClose?> LatestAsync(string symbol, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var closes = await HistoryAsync(symbol, today.AddDays(-14), today, ct);
        return closes.Count == 0 ? null : closes[^1];
    }

    /// <summary>Stooq has no search API.</summary>
    public Task<IReadOnlyList<SymbolMatch>> SearchAsync(string query, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<SymbolMatch>>([]);
}
