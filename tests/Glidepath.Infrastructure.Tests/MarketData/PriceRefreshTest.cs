using Glidepath.Testing.MarketData;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Tests.MarketData;

/// <summary>Price refresh against a loopback stub speaking Stooq's and Yahoo's wire formats: what is stored, and how each failure is reported.</summary>
public sealed class PriceRefreshTest
{
    private static readonly DateOnly From = new(2000, 1, 1);

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Refresh_StooqCsv_StoresRealClosesAndRerunAddsNothing(DatabaseProvider provider)
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = request => request.Query["s"] == "msft.us" ? StubAnswer.Ok(ProviderFormatTest.StooqMsft(), "text/csv") : StubAnswer.Ok("No data");
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = RefreshHost.Create(database, stub);
        var msft = await host.SharedInstrumentAsync("MSFT");

        var first = await host.RefreshPricesAsync(new PriceRefreshRequest(From: From));
        var snapshot = await database.SnapshotAsync();
        var again = await host.RefreshPricesAsync(new PriceRefreshRequest(From: From));

        var row = Assert.Single(first.Symbols);
        Assert.Equal(("MSFT", "stooq", "msft.us", "added", 249, 0), (row.Symbol, row.Provider, row.ProviderSymbol, row.Outcome, row.Added, row.Unchanged));
        Assert.Equal(("unchanged", 0, 249), (again.Symbols[0].Outcome, again.Symbols[0].Added, again.Symbols[0].Unchanged));
        Assert.Equal(snapshot, await database.SnapshotAsync());
        Assert.Contains("/q/d/l/?s=msft.us&i=d&d1=20000101&d2=", stub.Requests.First(), StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        Assert.Equal(60.625m, (await db.Prices.SingleAsync(p => p.InstrumentId == msft && p.Date == new DateOnly(2000, 9, 27))).Close);
    }

    /// <summary>Without --from: the days since the last stored close, less the correction window; a changed close there is replaced.</summary>
    [Fact]
    public async Task Refresh_ProviderCorrectsARecentClose_Replaced()
    {
        await using var stub = await MarketDataStub.StartAsync();
        var real = ProviderFormatTest.StooqMsft();
        stub.Answer = _ => StubAnswer.Ok(real);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = RefreshHost.Create(database, stub);
        var msft = await host.SharedInstrumentAsync("MSFT");
        await host.RefreshPricesAsync(new PriceRefreshRequest(From: From));

        stub.Answer = _ => StubAnswer.Ok(real.Replace("2001-09-27,50.1,50.68,48,49.96", "2001-09-27,50.1,50.68,48,49.97", StringComparison.Ordinal));
        var corrected = await host.RefreshPricesAsync(new PriceRefreshRequest());

        Assert.Equal(("added", 0, 1), (corrected.Symbols[0].Outcome, corrected.Symbols[0].Added, corrected.Symbols[0].Corrected));
        Assert.Equal(new DateOnly(2001, 9, 27).AddDays(-10), corrected.Symbols[0].From);
        await using var db = database.CreateDbContext();
        Assert.Equal(49.97m, (await db.Prices.SingleAsync(p => p.InstrumentId == msft && p.Date == new DateOnly(2001, 9, 27))).Close);
    }

    [Fact]
    public async Task Refresh_429WithRetryAfter_ThenSuccess_Stored()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = _ => StubAnswer.Ok(ProviderFormatTest.StooqMsft());
        stub.Then(new StubAnswer(429, "Too many requests", RetryAfter: "1"));
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = RefreshHost.Create(database, stub);
        await host.SharedInstrumentAsync("MSFT");

        var started = DateTime.UtcNow;
        var report = await host.RefreshPricesAsync(new PriceRefreshRequest(From: From));

        Assert.Equal(("added", 249), (report.Symbols[0].Outcome, report.Symbols[0].Added));
        Assert.Equal(2, stub.Requests.Count);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the retry waited for Retry-After");
    }

    [Fact]
    public async Task Refresh_500ThenSuccess_Stored()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = _ => StubAnswer.Ok(ProviderFormatTest.StooqMsft());
        stub.Then(new StubAnswer(500, "oops"), new StubAnswer(503, "busy"));
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = RefreshHost.Create(database, stub);
        await host.SharedInstrumentAsync("MSFT");

        var report = await host.RefreshPricesAsync(new PriceRefreshRequest(From: From));

        Assert.Equal(("added", 249, 3), (report.Symbols[0].Outcome, report.Symbols[0].Added, stub.Requests.Count));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Refresh_OneSymbolMalformedOneSlow_BothReportedOthersStored(DatabaseProvider provider)
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = request => (string?)request.Query["s"] switch
        {
            "msft.us" => StubAnswer.Ok(ProviderFormatTest.StooqMsft()),
            "slow.us" => new StubAnswer(200, ProviderFormatTest.StooqMsft(), Delay: TimeSpan.FromSeconds(5)),
            _ => StubAnswer.Ok("No data"),
        };
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = RefreshHost.Create(database, stub, new() { ["MarketData:Providers:stooq:AttemptTimeout"] = "00:00:00.300", ["MarketData:Providers:stooq:MaxRetries"] = "1" });
        await host.SharedInstrumentAsync("BAD");
        await host.SharedInstrumentAsync("MSFT");
        await host.SharedInstrumentAsync("SLOW");

        var report = await host.RefreshPricesAsync(new PriceRefreshRequest(From: From));

        Assert.True(report.AnyFailed);
        var bySymbol = report.Symbols.ToDictionary(s => s.Symbol);
        Assert.Equal(("failed", "Stooq (bad.us) answered 'No data', not a Date,…,Close CSV."), (bySymbol["BAD"].Outcome, bySymbol["BAD"].Reason));
        Assert.Equal(("failed", "The provider did not answer in time (after every retry)."), (bySymbol["SLOW"].Outcome, bySymbol["SLOW"].Reason));
        Assert.Equal(("added", 249), (bySymbol["MSFT"].Outcome, bySymbol["MSFT"].Added));
        await using var db = database.CreateDbContext();
        Assert.Equal(249, await db.Prices.CountAsync());
        var health = host.Health.All.Single();
        Assert.Equal("stooq", health.Provider);
        Assert.NotNull(health.LastSuccessUtc);
        Assert.Equal("The provider did not answer in time (after every retry).", health.LastError); // the slow one fails last
    }

    [Fact]
    public async Task Refresh_EmptyRange_UnchangedNothingStored()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = _ => StubAnswer.Ok("Date,Open,High,Low,Close,Volume\n");
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = RefreshHost.Create(database, stub);
        await host.SharedInstrumentAsync("MSFT");

        var report = await host.RefreshPricesAsync(new PriceRefreshRequest(From: From));

        Assert.Equal(("unchanged", 0, 0), (report.Symbols[0].Outcome, report.Symbols[0].Added, report.Symbols[0].Unchanged));
        Assert.False(report.AnyFailed);
    }

    /// <summary>Stored closes twice the provider's (the provider adjusted for a 2-for-1 split the ledger has not booked): refused, nothing overwritten.</summary>
    [Fact]
    public async Task Refresh_ProviderSeriesSplitAdjusted_RefusedNothingWritten()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = _ => StubAnswer.Ok(ProviderFormatTest.StooqMsft());
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = RefreshHost.Create(database, stub);
        var msft = await host.SharedInstrumentAsync("MSFT");
        await host.RefreshPricesAsync(new PriceRefreshRequest(From: From));
        await using (var db = database.CreateDbContext())
        {
            await db.Prices.Where(p => p.InstrumentId == msft).ExecuteUpdateAsync(p => p.SetProperty(x => x.Close, x => x.Close * 2m));
        }

        var snapshot = await database.SnapshotAsync();
        var report = await host.RefreshPricesAsync(new PriceRefreshRequest(From: From));

        Assert.Equal("failed", report.Symbols[0].Outcome);
        Assert.Contains("by a factor of 2 (a split", report.Symbols[0].Reason, StringComparison.Ordinal);
        Assert.Equal(snapshot, await database.SnapshotAsync());
    }

    /// <summary>
    /// Four 500s in a row open the circuit: the next call fails at once without reaching the
    /// provider; after the break it half-opens, one call goes through, and success closes it.
    /// </summary>
    [Fact]
    public async Task Refresh_ProviderKeepsFailing_CircuitOpensThenHalfOpensAndCloses()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = _ => new StubAnswer(500, "down");
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = RefreshHost.Create(database, stub, new() { ["MarketData:Providers:stooq:MaxRetries"] = "0", ["MarketData:Providers:stooq:BreakFor"] = "00:00:01" });
        foreach (var symbol in new[] { "A", "B", "C", "D" })
        {
            await host.SharedInstrumentAsync(symbol);
        }

        var failing = await host.RefreshPricesAsync(new PriceRefreshRequest(From: From));
        var requestsWhenOpen = stub.Requests.Count;
        var open = await host.RefreshPricesAsync(new PriceRefreshRequest(Symbols: ["A"], From: From));
        var circuitWhenOpen = host.Health.All.Single().Circuit;

        stub.Answer = _ => StubAnswer.Ok(ProviderFormatTest.StooqMsft());
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var recovered = await host.RefreshPricesAsync(new PriceRefreshRequest(Symbols: ["A"], From: From));

        Assert.All(failing.Symbols, s => Assert.Equal("failed", s.Outcome));
        Assert.Equal(("open", 4), (circuitWhenOpen, requestsWhenOpen));
        Assert.Equal("The provider failed too often; its circuit is open, calls wait until it half-opens.", open.Symbols[0].Reason);
        Assert.Equal(("added", 5), (recovered.Symbols[0].Outcome, stub.Requests.Count));
        Assert.Equal("closed", host.Health.All.Single().Circuit);
    }

    [Fact]
    public async Task Refresh_NamedSymbols_UnknownAndUnmappedReported()
    {
        await using var stub = await MarketDataStub.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = RefreshHost.Create(database, stub);
        await host.SharedInstrumentAsync("VOD", exchange: "LSE");

        var report = await host.RefreshPricesAsync(new PriceRefreshRequest(Symbols: ["nope", "VOD"]));

        Assert.Equal(["No shared instrument NOPE.", "No provider prices VOD: map it (PUT /api/admin/instruments/{id}/market-data) or set a default for exchange 'LSE'."], report.Symbols.Select(s => s.Reason));
        Assert.Empty(stub.Requests);
    }

    /// <summary>Yahoo's real chart through its own mapping (provider and symbol on the instrument).</summary>
    [Fact]
    public async Task Refresh_YahooMapping_StoresTheChartsCloses()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = request => request.Path == "/v8/finance/chart/AAPL" ? StubAnswer.Ok(ProviderFormatTest.Sample("yahoo_chart_v8_AAPL_body.json"), "application/json") : new StubAnswer(404);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = RefreshHost.Create(database, stub);
        await host.SharedInstrumentAsync("AAPL.X", exchange: "XNAS", provider: "yahoo", providerSymbol: "AAPL");

        var report = await host.RefreshPricesAsync(new PriceRefreshRequest(From: new DateOnly(2020, 8, 31)));

        Assert.Equal(("yahoo", "AAPL", "added", 49), (report.Symbols[0].Provider, report.Symbols[0].ProviderSymbol, report.Symbols[0].Outcome, report.Symbols[0].Added));
    }
}
