using System.Net;
using Glidepath.Application.Fx;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Pricing;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Fx;
using Glidepath.Application.Instruments;
using Glidepath.Server.Instruments;
using Glidepath.Server.Positions;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Application.Transactions;
using Glidepath.Server.Valuation;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using static Glidepath.Server.Tests.Hosting.Fixtures;

namespace Glidepath.Server.Tests.Valuation;

/// <summary>
/// Positions, valuation and net worth are served from a cache keyed by the database's read-model versions
/// (docs/read-model.md, "Read caches"): every change they can show must be visible on the very next read.
/// </summary>
public class PortfolioReadCacheTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task CachedReads_ShowEveryWritePriceFxAndAccountChange_OnTheNextRead(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        var brokerage = await client.AccountAsync(household.Id);
        var msft = await app.MsftAsync();
        await (await client.PostAsync($"{url}/transactions/batch", new TransactionBatchRequest([
            Deposit(brokerage.Id, new DateOnly(1999, 1, 4), 10_000m),
            Buy(brokerage.Id, msft.Id, new DateOnly(1999, 1, 4), 100m, 70.50m),
        ]))).ReadAsync<TransactionBatchResult>(HttpStatusCode.Created);
        var positions = $"{url}/positions?asOf=2001-01-02";
        var netWorth = $"{url}/net-worth?from=2000-12-28&to=2001-01-02";
        async Task<decimal> Total() => (await (await client.GetAsync(positions)).ReadAsync<PositionsDto>()) is var p
            ? p.Positions.Sum(l => l.MarketValue ?? 0m) + p.Cash.Sum(c => c.Amount) : 0m;
        async Task<decimal> LastNetWorth(string query = "") => (await (await client.GetAsync(netWorth + query)).ReadAsync<NetWorthDto>()).Points[^1].Value;

        // 100 × 43.38 (29 Dec 2000) + 2,950 cash; the second read is the cached one.
        Assert.Equal(7_288m, await Total());
        Assert.Equal(7_288m, await Total());
        Assert.Equal(7_288m, await LastNetWorth());

        // A cash-only write (no replay), dated in the past.
        await (await client.PostAsync($"{url}/transactions", Deposit(brokerage.Id, new DateOnly(2000, 1, 3), 12m))).ReadAsync<TransactionDto>(HttpStatusCode.Created);
        Assert.Equal(7_300m, await Total());
        Assert.Equal(7_300m, await LastNetWorth());

        // A buy (replayed).
        await (await client.PostAsync($"{url}/transactions", Buy(brokerage.Id, msft.Id, new DateOnly(2000, 12, 29), 10m, 43.38m))).ReadAsync<TransactionDto>(HttpStatusCode.Created);
        Assert.Equal(7_300m, await Total());
        Assert.Equal(110m, (await (await client.GetAsync(positions)).ReadAsync<PositionsDto>()).Positions.Single().Quantity);

        // A new close.
        var operatorClient = await app.CreateOperatorClientAsync();
        await (await operatorClient.PutAsync($"/api/instruments/{msft.Id}/prices", new[] { new PriceDto(new DateOnly(2001, 1, 2), 43.38m + 1m) })).ReadAsync<List<PriceDto>>();
        Assert.Equal(7_410m, await Total());
        Assert.Equal(7_410m, await LastNetWorth());

        // The household's own FX rate, then a shared one written straight into the table.
        await (await client.PutAsync($"{url}/fx-rates", new FxRateRequest(new DateOnly(2000, 1, 3), "USD", "EUR", 0.5m))).ReadAsync<FxRateDto>();
        Assert.Equal(3_705m, await LastNetWorth("&currency=EUR"));
        await (await client.PutAsync($"{url}/fx-rates", new FxRateRequest(new DateOnly(2000, 1, 3), "USD", "EUR", 0.25m))).ReadAsync<FxRateDto>();
        Assert.Equal(1_852.5m, await LastNetWorth("&currency=EUR"));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{url}/fx-rates/USD/EUR/2000-01-03")).StatusCode);
        await (await client.GetAsync(netWorth + "&currency=EUR")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "missing-fx-rate");
        await using (var db = app.CreateDbContext())
        {
            db.FxRates.Add(new FxRate(Currency.Usd, Currency.Eur, new DateOnly(2000, 1, 3), 2m));
            await db.SaveChangesAsync();
        }

        Assert.Equal(14_820m, await LastNetWorth("&currency=EUR"));

        // An account renamed outside the API (a database trigger bumps the version).
        await using (var db = app.CreateDbContext())
        {
            await db.Accounts.Where(a => a.Id == brokerage.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, "Renamed"));
        }

        Assert.Equal("Renamed", (await (await client.GetAsync(positions)).ReadAsync<PositionsDto>()).Cash.Single().AccountName);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task CachedRead_MatchingIfNoneMatch_Is304UntilTheDataChanges(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var brokerage = await client.AccountAsync(household.Id);
        var url = $"/api/households/{household.Id}";
        await (await client.PostAsync($"{url}/transactions", Deposit(brokerage.Id, new DateOnly(2020, 1, 2), 100m))).ReadAsync<TransactionDto>(HttpStatusCode.Created);
        var first = await client.GetAsync($"{url}/positions");
        await first.ReadAsync<PositionsDto>();
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"{url}/positions");
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);

        await (await client.PostAsync($"{url}/transactions", Deposit(brokerage.Id, new DateOnly(2020, 1, 3), 1m))).ReadAsync<TransactionDto>(HttpStatusCode.Created);
        using var again = new HttpRequestMessage(HttpMethod.Get, $"{url}/positions");
        again.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(again);
        Assert.Equal(101m, (await changed.ReadAsync<PositionsDto>()).Cash.Single().Amount);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    /// <summary>
    /// Concurrent reads of one household share a version lookup (<c>ReadVersionGate</c>); each must still see every
    /// write that was answered before it was sent, and none may see a version older than the last it saw.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ConcurrentReads_EachSeeTheWritesAnsweredBeforeThem(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        var brokerage = await client.AccountAsync(household.Id);
        await (await client.PostAsync($"{url}/transactions", Deposit(brokerage.Id, new DateOnly(2000, 1, 3), 100m))).ReadAsync<TransactionDto>(HttpStatusCode.Created);
        async Task<decimal> Cash() => (await (await client.GetAsync($"{url}/positions?asOf=2001-01-02")).ReadAsync<PositionsDto>()).Cash.Sum(c => c.Amount);

        for (var deposit = 1; deposit <= 5; deposit++)
        {
            // Reads in flight while the write happens may see either side of it; those sent after its answer see it.
            var during = Enumerable.Range(0, 8).Select(_ => Cash()).ToList();
            await (await client.PostAsync($"{url}/transactions", Deposit(brokerage.Id, new DateOnly(2000, 6, 1), deposit))).ReadAsync<TransactionDto>(HttpStatusCode.Created);
            var after = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Cash()));
            var expected = 100m + (deposit * (deposit + 1) / 2);
            Assert.All(after, cash => Assert.Equal(expected, cash));
            Assert.All(await Task.WhenAll(during), cash => Assert.Contains(cash, new[] { expected - deposit, expected }));
        }
    }
}
