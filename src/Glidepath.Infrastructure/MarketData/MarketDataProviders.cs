using Glidepath.Domain.MarketData;
using Microsoft.Extensions.Options;

namespace Glidepath.Infrastructure.MarketData;

/// <summary>
/// The providers by name, each on its named resilient <see cref="HttpClient"/>
/// (<see cref="MarketDataRegistration"/>), and the rule for which provider and symbol price an
/// instrument (docs/market-data.md, "Mapping").
/// </summary>
public sealed class MarketDataProviders(IHttpClientFactory clients, IOptions<MarketDataOptions> options, TimeProvider clock)
{
    /// <summary>Every provider of closes, in the order docs and errors list them.</summary>
    public static readonly IReadOnlyList<string> PriceProviderNames =
        [StooqProvider.ProviderName, AlphaVantageProvider.ProviderName, YahooChartProvider.ProviderName, LocalFolderProvider.ProviderName];

    public static readonly IReadOnlyList<string> FxProviderNames = [EcbFxProvider.ProviderName, AlphaVantageProvider.ProviderName];

    /// <summary>Exchanges whose symbols Stooq suffixes with <c>.us</c>.</summary>
    private static readonly HashSet<string> UsExchanges = new(["", "NYSE", "NASDAQ", "NMS", "NYSEARCA", "ARCA", "AMEX", "BATS", "US"], StringComparer.OrdinalIgnoreCase);

    public MarketDataOptions Options => options.Value;

    public IMarketDataProvider? Prices(string name) => name.ToLowerInvariant() switch
    {
        StooqProvider.ProviderName => new StooqProvider(Client(name), Options.For(name), clock),
        AlphaVantageProvider.ProviderName => new AlphaVantageProvider(Client(name), Options.For(name)),
        YahooChartProvider.ProviderName => new YahooChartProvider(Client(name), clock),
        LocalFolderProvider.ProviderName => new LocalFolderProvider(Options.For(name)),
        _ => null,
    };

    /// <summary>The providers that publish dividends and splits: Yahoo's chart (Alpha Vantage's are in its premium series only).</summary>
    public ICorporateActionSource CorporateActions() => new YahooChartProvider(Client(YahooChartProvider.ProviderName), clock);

    public IFxRateProvider? Fx(string name) => name.ToLowerInvariant() switch
    {
        EcbFxProvider.ProviderName => new EcbFxProvider(Client(name), clock),
        AlphaVantageProvider.ProviderName => new AlphaVantageProvider(Client(name), Options.For(name)),
        _ => null,
    };

    public FredSeriesProvider Fred() => new(Client(FredSeriesProvider.ProviderName), Options.For(FredSeriesProvider.ProviderName));

    /// <summary>The instrument's own provider, else its exchange's default, else the <c>*</c> default; null: not priced by any.</summary>
    public string? ProviderOf(string? own, string exchange) =>
        own ?? Options.DefaultProviderByExchange.GetValueOrDefault(exchange) ?? Options.DefaultProviderByExchange.GetValueOrDefault("*");

    /// <summary>The instrument's provider symbol, else the provider's usual form of its ticker (<c>MSFT</c> → <c>msft.us</c> at Stooq).</summary>
    public static string SymbolAt(string provider, string? own, string symbol, string exchange) =>
        own ?? (provider.Equals(StooqProvider.ProviderName, StringComparison.OrdinalIgnoreCase) && UsExchanges.Contains(exchange)
            ? symbol.ToLowerInvariant() + ".us"
            : symbol);

    private HttpClient Client(string name) => clients.CreateClient(MarketDataRegistration.ClientName(name));
}
