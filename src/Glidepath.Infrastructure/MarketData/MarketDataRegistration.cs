using System.Threading.RateLimiting;
using Glidepath.Domain.Households;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Glidepath.Infrastructure.MarketData;

/// <summary>
/// One named <see cref="HttpClient"/> per HTTP provider: a response cache outside, then a
/// resilience pipeline (Microsoft.Extensions.Http.Resilience): the provider's request budget
/// (requests wait), retries with exponential back-off and jitter that honour Retry-After, a circuit
/// breaker per provider, and a timeout per attempt. docs/market-data.md, "Failures".
/// </summary>
public static class MarketDataRegistration
{
    /// <summary>Each HTTP provider and its public address (configuration's BaseUrl wins).</summary>
    private static readonly Dictionary<string, string> PublicUrls = new(StringComparer.OrdinalIgnoreCase)
    {
        [StooqProvider.ProviderName] = "https://stooq.com/",
        [AlphaVantageProvider.ProviderName] = "https://www.alphavantage.co/",
        [YahooChartProvider.ProviderName] = "https://query1.finance.yahoo.com/",
        [EcbFxProvider.ProviderName] = "https://www.ecb.europa.eu/",
        [FredSeriesProvider.ProviderName] = "https://api.stlouisfed.org/",
    };

    public static string ClientName(string provider) => "market-data-" + provider.ToLowerInvariant();

    public static IServiceCollection AddMarketData(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MarketDataOptions>(configuration.GetSection(MarketDataOptions.Section));
        services.AddMemoryCache();
        services.AddSingleton<ProviderHealth>();
        services.AddSingleton<MarketDataProviders>();
        services.AddScoped<PriceRefresh>();
        services.AddScoped<PriceUpdates>();
        services.TryAddSingleton<IHouseholdNotifier, NoHouseholdNotifier>();
        services.AddScoped<FxRefresh>();
        services.AddScoped<MacroRefresh>();
        services.TryAddScoped<MacroAssumptions>();
        services.AddScoped<InstrumentMappings>();
        foreach (var (provider, publicUrl) in PublicUrls)
        {
            services.AddHttpClient(ClientName(provider), (sp, client) =>
                {
                    var baseUrl = sp.GetRequiredService<IOptions<MarketDataOptions>>().Value.For(provider).BaseUrl ?? publicUrl;
                    client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
                    client.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's timeouts rule
                    client.DefaultRequestHeaders.UserAgent.ParseAdd("Glidepath/1.0 (+self-hosted)");
                })
                .AddHttpMessageHandler(sp => new ResponseCacheHandler(
                    sp.GetRequiredService<IMemoryCache>(), sp.GetRequiredService<IOptions<MarketDataOptions>>().Value.For(provider).CacheFor))
                .AddResilienceHandler(provider, (pipeline, context) => Configure(provider, pipeline, context));
        }

        return services;
    }

    private static void Configure(string provider, ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<MarketDataOptions>>().Value.For(provider);
        var health = context.ServiceProvider.GetRequiredService<ProviderHealth>();
        // Outside in: retries, the circuit breaker, the request budget, one attempt's timeout. The
        // budget sits inside the breaker so that an open circuit fails at once instead of queueing
        // for a permit (a dead provider once held an admin refresh in the queue for minutes), and
        // inside the retries so that every retry, a request like any other, spends budget.
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldRetryAfterHeader = true,
            });
        }

        pipeline
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, options.AttemptTimeout.TotalSeconds * 4)),
                BreakDuration = options.BreakFor,
                OnOpened = _ => health.Breaker(provider, "open"),
                OnHalfOpened = _ => health.Breaker(provider, "half-open"),
                OnClosed = _ => health.Breaker(provider, "closed"),
            })
            .AddRateLimiter(new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, options.RequestsPerMinute),
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }))
            .AddTimeout(options.AttemptTimeout);
    }
}
