namespace Glidepath.Domain.MarketData;

/// <summary>
/// A source of daily closes (docs/market-data.md): an outside service or a local folder. Symbols
/// are the provider's own (<c>msft.us</c> at Stooq, <c>MSFT</c> at Yahoo); the instrument's
/// mapping names them. A provider that cannot answer throws <see cref="MarketDataException"/>
/// (or the HTTP stack's timeout and circuit exceptions); an empty range is an empty list.
/// </summary>
public interface IMarketDataProvider
{
    /// <summary>The name configuration, mappings and reports use (<c>stooq</c>, <c>yahoo</c>, …).</summary>
    string Name { get; }

    /// <summary>Closes as traded (not adjusted for later splits or dividends) from <paramref name="from"/> to <paramref name="to"/>, ascending.</summary>
    Task<IReadOnlyList<DailyClose>> HistoryAsync(string symbol, DateOnly from, DateOnly to, CancellationToken ct = default);

    /// <summary>The latest close the provider has, or null when it has none.</summary>
    Task<DailyClose?> LatestAsync(string symbol, CancellationToken ct = default);

    /// <summary>Symbols matching <paramref name="query"/>; providers without a search answer an empty list.</summary>
    Task<IReadOnlyList<SymbolMatch>> SearchAsync(string query, CancellationToken ct = default);
}

/// <summary>A close on one trading day, in the instrument's currency.</summary>
public readonly record struct DailyClose(DateOnly Date, decimal Close);

/// <summary>A provider's answer to a search.</summary>
public sealed record SymbolMatch(string Symbol, string Name, string? Exchange, string? Currency);
