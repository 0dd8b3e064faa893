using Glidepath.Domain.MarketData;

namespace Glidepath.Infrastructure.MarketData;

/// <summary>
/// Closes from a folder of CSV files, one per symbol (<c>{folder}/{symbol}.csv</c>, Stooq's
/// layout or just <c>Date,Close</c>): offline operation, and the demo's source. A missing file is
/// an unknown symbol.
/// </summary>
public sealed class LocalFolderProvider(ProviderOptions options) : IMarketDataProvider
{
    public const string ProviderName = "local";

    public string Name => ProviderName;

    public async Task<IReadOnlyList<DailyClose>> HistoryAsync(string symbol, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var text = await File.ReadAllTextAsync(FileOf(symbol), ct);
        return DailyCsv.Parse(text, $"{symbol}.csv", from, to);
    }

    public async Task<DailyClose?> LatestAsync(string symbol, CancellationToken ct = default)
    {
        var closes = await HistoryAsync(symbol, DateOnly.MinValue, DateOnly.MaxValue, ct);
        return closes.Count == 0 ? null : closes[^1];
    }

    /// <summary>The files whose name starts with <paramref name="query"/>.</summary>
    public Task<IReadOnlyList<SymbolMatch>> SearchAsync(string query, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<SymbolMatch>>(Folder() is { } folder && Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.csv")
                .Select(Path.GetFileNameWithoutExtension)
                .Where(s => s!.StartsWith(query, StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.OrdinalIgnoreCase)
                .Select(s => new SymbolMatch(s!, s!, null, null))]
            : []);

    private string FileOf(string symbol)
    {
        var folder = Folder() ?? throw new MarketDataException("The local provider has no folder (MarketData:Providers:local:BaseUrl).");
        if (symbol.Length == 0 || symbol.IndexOfAny([.. Path.GetInvalidFileNameChars(), '/', '\\']) >= 0 || symbol.Contains("..", StringComparison.Ordinal))
        {
            throw new MarketDataException($"'{symbol}' cannot name a file.");
        }

        var path = Path.Combine(folder, symbol + ".csv");
        return File.Exists(path) ? path : throw new MarketDataException($"No {symbol}.csv in the local price folder.");
    }

    private string? Folder() => options.BaseUrl is { Length: > 0 } folder ? Path.GetFullPath(folder) : null;
}
