using Glidepath.Testing.MarketData;
using Glidepath.Domain.Instruments;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Infrastructure.Tests.MarketData;

/// <summary>
/// Market-data services on a test database, every provider pointed at one stub, with short retry
/// delays and no response cache. The clock is the system's: the resilience pipeline takes the
/// registered TimeProvider for its delays and timeouts, so a frozen clock would freeze them too.
/// </summary>
internal sealed class RefreshHost : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private RefreshHost(ServiceProvider services) => this.services = services;

    public ProviderHealth Health => services.GetRequiredService<ProviderHealth>();

    public static RefreshHost Create(TestDatabase database, MarketDataStub stub, Dictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["MarketData:DefaultProviderByExchange:NYSE"] = "stooq",
        };
        foreach (var provider in new[] { "stooq", "alphavantage", "yahoo", "ecb", "fred" })
        {
            values[$"MarketData:Providers:{provider}:BaseUrl"] = stub.BaseUrl;
            values[$"MarketData:Providers:{provider}:RetryDelay"] = "00:00:00.050";
            values[$"MarketData:Providers:{provider}:AttemptTimeout"] = "00:00:02";
            values[$"MarketData:Providers:{provider}:CacheFor"] = "00:00:00";
        }

        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new RefreshHost(database.CreateServices(s => s.AddSingleton(TimeProvider.System).AddMarketData(configuration)));
    }

    public async Task<PriceRefreshReport> RefreshPricesAsync(PriceRefreshRequest request)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PriceRefresh>().RefreshAsync(request);
    }

    public async Task<FxRefreshReport> RefreshFxAsync(string provider, DateOnly? from = null)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FxRefresh>().RefreshAsync(provider, from);
    }

    public async Task<MacroRefreshReport> RefreshMacroAsync(IReadOnlyList<string>? series = null, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MacroRefresh>().RefreshAsync(series, ct);
    }

    public async Task<Guid> SharedInstrumentAsync(string symbol, string exchange = "NYSE", string? provider = null, string? providerSymbol = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
        var instrument = new Instrument { Symbol = symbol, Name = symbol, Exchange = exchange, PriceProvider = provider, ProviderSymbol = providerSymbol };
        db.Instruments.Add(instrument);
        await db.SaveChangesAsync();
        return instrument.Id;
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
