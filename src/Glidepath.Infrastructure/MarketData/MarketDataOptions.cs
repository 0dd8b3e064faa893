namespace Glidepath.Infrastructure.MarketData;

/// <summary>
/// The <c>MarketData</c> configuration section (docs/market-data.md): each provider's base URL,
/// key and request budget, which provider prices an exchange by default, and how far a refresh
/// reaches back.
/// </summary>
public sealed class MarketDataOptions
{
    public const string Section = "MarketData";

    /// <summary>Per provider name (<c>stooq</c>, <c>alphavantage</c>, <c>yahoo</c>, <c>ecb</c>, <c>fred</c>, <c>local</c>).</summary>
    public Dictionary<string, ProviderOptions> Providers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The provider for a shared instrument without its own mapping, by its exchange (<c>NYSE</c> → <c>stooq</c>); <c>*</c> for any exchange.</summary>
    public Dictionary<string, string> DefaultProviderByExchange { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A refresh re-reads this many calendar days before the last stored close, so a provider's
    /// correction of a recent close is applied.
    /// </summary>
    public int CorrectionDays { get; init; } = 10;

    /// <summary>How far back the first refresh of an instrument without closes reaches.</summary>
    public int BackfillYears { get; init; } = 10;

    public ProviderOptions For(string provider) => Providers.TryGetValue(provider, out var options) ? options : new ProviderOptions();
}

public sealed class ProviderOptions
{
    /// <summary>Where the provider's API is; each adapter has the public one as its default. A folder for <c>local</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The key the provider asks for (Alpha Vantage, FRED; Stooq's newer downloads). Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Requests a minute the provider allows (Alpha Vantage's free tier: 5); requests beyond it wait.</summary>
    public int RequestsPerMinute { get; set; } = 60;

    /// <summary>The pairs an FX provider that quotes pair by pair (Alpha Vantage) fetches, as <c>EUR/USD</c>.</summary>
    public List<string> FxPairs { get; init; } = [];

    /// <summary>One attempt's time limit.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a 429, a 5xx or a timeout (with exponential back-off and jitter; a Retry-After header wins).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; tests shorten it.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an answer is reused for the same URL: a second refresh within it asks nothing.</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the circuit stays open after the provider failed most of its recent calls.</summary>
    public TimeSpan BreakFor { get; set; } = TimeSpan.FromSeconds(30);
}
