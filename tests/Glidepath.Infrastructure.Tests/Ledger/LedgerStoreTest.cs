using Glidepath.Domain.Ledger;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using static Glidepath.Infrastructure.Tests.Ledger.LedgerTestHousehold;

namespace Glidepath.Infrastructure.Tests.Ledger;

public sealed class LedgerStoreTest
{
    private static readonly DateOnly Day = new(2020, 3, 2);

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Rebuild_AfterManyWrites_EqualsCacheAndFreshReplay(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        LedgerTestHousehold data;
        await using (var db = database.CreateDbContext())
        {
            data = await StoreAsync(db);
        }

        var history = new RandomHistory(data, seed: 20240101);
        var all = new List<Transaction>();
        for (var write = 0; write < 25; write++)
        {
            // A fresh context per write, like one request each.
            await using var db = database.CreateDbContext();
            var batch = history.Next(write % 5 == 0 ? 1 : 12);
            var result = await new LedgerStore(db).AddTransactionsAsync(batch);
            Assert.True(result.Succeeded, result.ToString());
            all.AddRange(batch);
        }

        await using (var db = database.CreateDbContext())
        {
            var store = new LedgerStore(db);
            var cached = await store.GetStateAsync(data.Household.Id);
            var expected = LedgerBuilder.Build([data.Taxable, data.Ira], all, new LedgerOptions(data.Instruments), DateOnly.MaxValue).Expect("replay");
            Assert.True((await store.RebuildAsync(data.Household.Id)).Succeeded);
            var rebuilt = await store.GetStateAsync(data.Household.Id);

            Assert.NotEmpty(cached.Lots);
            Assert.NotEmpty(cached.RealisedGains);
            Assert.True(cached.ContentEquals(expected), "cache differs from a fresh replay");
            Assert.True(rebuilt.ContentEquals(cached), "rebuild differs from the cache");
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AddTransactions_SellMoreThanHeld_ReturnsErrorsAndWritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();
        var data = await StoreAsync(db);
        var store = new LedgerStore(db);
        var vti = data.Instruments[0];
        Assert.True((await store.AddTransactionsAsync([
            Deposit(data.Taxable, Day, 1000m),
            Trade(data.Taxable, TransactionType.Buy, vti, Day, 5m, 100m)])).Succeeded);
        var before = await store.GetStateAsync(data.Household.Id);

        var oversell = Trade(data.Taxable, TransactionType.Sell, vti, Day.AddDays(1), 6m, 110m);
        var result = await store.AddTransactionsAsync([Deposit(data.Taxable, Day.AddDays(1), 50m), oversell]);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Problem!.Items);
        Assert.Equal(LedgerErrorCodes.InsufficientQuantity, error.Code);
        Assert.Equal(oversell.Id, error.TransactionId);
        await using var fresh = database.CreateDbContext();
        Assert.Equal(2, await fresh.Transactions.CountAsync());
        Assert.True(before.ContentEquals(await new LedgerStore(fresh).GetStateAsync(data.Household.Id)));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AddTransactions_TwoConcurrentSalesOfTheSameUnits_OnlyOneSucceeds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        LedgerTestHousehold data;
        await using (var db = database.CreateDbContext())
        {
            data = await StoreAsync(db);
            Assert.True((await new LedgerStore(db).AddTransactionAsync(Trade(data.Taxable, TransactionType.Buy, data.Instruments[0], Day, 10m, 100m))).Succeeded);
        }

        // Each writer sells all ten units in its own context; the household lock must serialise them.
        var writers = Enumerable.Range(1, 2).Select(async i =>
        {
            await using var db = database.CreateDbContext();
            return await new LedgerStore(db).AddTransactionAsync(Trade(data.Taxable, TransactionType.Sell, data.Instruments[0], Day.AddDays(i), 10m, 110m));
        });
        var results = await Task.WhenAll(writers);

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(LedgerErrorCodes.InsufficientQuantity, Assert.Single(results.Single(r => !r.Succeeded).Problem!.Items).Code);
        await using var check = database.CreateDbContext();
        Assert.Empty(await new LedgerStore(check).GetPositionsAsync(data.Household.Id));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AddTransactions_UnknownAccountOrRepeatedExternalId_ReturnsErrors(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();
        var data = await StoreAsync(db);
        var store = new LedgerStore(db);
        var first = Deposit(data.Taxable, Day, 10m);
        first.ExternalId = "broker-1";
        Assert.True((await store.AddTransactionAsync(first)).Succeeded);

        var again = Deposit(data.Taxable, Day, 10m);
        again.ExternalId = "broker-1";
        var stray = Deposit(data.Taxable, Day, 10m);
        stray.AccountId = Guid.NewGuid();
        var result = await store.AddTransactionsAsync([again, stray]);

        Assert.Equal(
            [(again.Id, LedgerStoreErrorCodes.DuplicateExternalId), (stray.Id, LedgerErrorCodes.UnknownAccount)],
            result.Problem!.Items.Select(e => (e.TransactionId!.Value, e.Code)).OrderBy(e => e.Code, StringComparer.Ordinal));
        Assert.Equal(1, await db.Transactions.CountAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ReplayAsOf_BeforeLaterTrades_ShowsThePositionThen(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();
        var data = await StoreAsync(db);
        var store = new LedgerStore(db);
        var vti = data.Instruments[0];
        Assert.True((await store.AddTransactionsAsync([
            Trade(data.Taxable, TransactionType.Buy, vti, Day, 10m, 100m),
            Trade(data.Taxable, TransactionType.Sell, vti, Day.AddDays(30), 4m, 120m),
            Trade(data.Taxable, TransactionType.Buy, vti, Day.AddDays(60), 1m, 90m)])).Succeeded);

        var then = (await store.ReplayAsOfAsync(data.Household.Id, Day.AddDays(45))).Expect("replay");
        var now = await store.GetPositionsAsync(data.Household.Id);

        Assert.Equal(6m, Assert.Single(then.Positions).Quantity);
        Assert.Equal(7m, Assert.Single(now).Quantity);
        var gain = Assert.Single(await store.GetRealisedGainsAsync(data.Household.Id, from: Day.AddDays(1)));
        Assert.Equal(4m * 120m - 0.35m - (4m * (1000.35m / 10m)), gain.Gain);
        Assert.Empty(await store.GetRealisedGainsAsync(data.Household.Id, to: Day.AddDays(29)));
    }
}
