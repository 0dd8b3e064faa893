using System.Globalization;
using System.Text;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Performance;
using Glidepath.Domain.Pricing;
using Glidepath.Domain.Transactions;
using Glidepath.Domain.Valuation;
using Glidepath.Infrastructure.Import.Prices;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Reporting;
using Glidepath.Infrastructure.Tests.Ledger;
using Glidepath.Infrastructure.Valuation;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Glidepath.Infrastructure.Tests.Ledger.LedgerTestHousehold;

namespace Glidepath.Infrastructure.Tests.Valuation;

/// <summary>
/// The read model against two independent answers, after every step of a seeded random sequence of writes
/// (forward batches with sells and splits, backdated buys and deposits, edits and deletions), price imports
/// (new days, corrected and backdated closes) and FX rates: the incrementally maintained net-worth series and
/// positions equal the ledger replay over every stored close (the code the read model replaced), and the
/// incrementally maintained rows equal a full rebuild. A failing case prints its seed.
/// </summary>
public sealed class ValuationReadModelPropertyTest(ITestOutputHelper output)
{
    private static readonly DateOnly Start = new(2015, 1, 2);

    public static TheoryData<DatabaseProvider, int> Cases()
    {
        var data = new TheoryData<DatabaseProvider, int>();
        foreach (var provider in DatabaseProviders.All.Select(row => (DatabaseProvider)row[0]))
        {
            foreach (var seed in new[] { 20261206, 7, 424242 })
            {
                data.Add(provider, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task IncrementalReadModel_AfterRandomWritesAndPrices_EqualsReplayAndRebuild(DatabaseProvider provider, int seed)
    {
        output.WriteLine($"seed {seed} on {provider}");
        await using var database = await TestDatabase.CreateAsync(provider);
        LedgerTestHousehold data;
        await using (var db = database.CreateDbContext())
        {
            data = await StoreAsync(db);
            db.FxRates.Add(new FxRate(Currency.Eur, Currency.Usd, Start, 1.2m));
            await db.SaveChangesAsync();
        }

        var random = new Random(seed);
        var history = new RandomHistory(data, seed);
        var backdated = new List<Transaction>();
        var lastDay = Start;
        // Closes start late for one instrument: early holdings of it cannot be valued (a 422 both ways).
        await ImportPricesAsync(database, data, Start, Start.AddDays(200), random, skipFirst: 2, until: Start.AddDays(6));
        var compared = 0;
        var accountsCompared = 0;
        for (var step = 0; step < 24; step++)
        {
            await using var db = database.CreateDbContext();
            var store = new LedgerStore(db);
            switch (random.Next(6))
            {
                case 0 or 1:
                    var batch = history.Next(random.Next(1, 8));
                    var added = await store.AddTransactionsAsync(batch);
                    Assert.True(added.Succeeded, added.ToString());
                    lastDay = Max(lastDay, batch.Max(t => t.TradeDate));
                    break;
                case 2:
                    var day = RandomDay(random, lastDay);
                    var account = random.Next(2) == 0 ? data.Taxable : data.Ira;
                    var write = random.Next(2) == 0
                        ? Deposit(account, day, Math.Round((decimal)random.NextDouble() * 1000m, 2))
                        : Trade(account, TransactionType.Buy, data.Instruments[random.Next(3)], day, Math.Round((decimal)random.NextDouble() * 5m + 0.01m, 3), 50m);
                    Assert.True((await store.AddTransactionsAsync([write])).Succeeded);
                    backdated.Add(write);
                    break;
                case 5 when random.Next(2) == 0:
                    // Cash only (no replay: CashOnlyWrite), backdated or past the series' last day, one or a batch.
                    var cashDay = RandomDay(random, lastDay.AddDays(20));
                    var cash = Enumerable.Range(0, random.Next(1, 3)).Select(i => i == 0
                        ? Deposit(random.Next(2) == 0 ? data.Taxable : data.Ira, cashDay, Math.Round((decimal)random.NextDouble() * 1000m, 2))
                        : Withdrawal(data.Taxable, RandomDay(random, cashDay), Math.Round((decimal)random.NextDouble() * 100m, 2))).ToList();
                    Assert.True((await store.AddTransactionsAsync(cash)).Succeeded);
                    lastDay = Max(lastDay, cashDay);
                    break;
                case 3 when backdated.Count > 0:
                    var changed = backdated[random.Next(backdated.Count)];
                    backdated.Remove(changed);
                    if (random.Next(2) == 0 || changed.Type != TransactionType.Deposit)
                    {
                        // Deleting a backdated buy could strand a later sale; move it later instead, never past today.
                        var moved = Clone(changed);
                        moved.TradeDate = RandomDay(random, lastDay);
                        moved.SettlementDate = moved.TradeDate;
                        if (changed.Type == TransactionType.Buy)
                        {
                            moved.TradeDate = changed.TradeDate.AddDays(-random.Next(0, 30)) is var earlier && earlier >= Start ? earlier : Start;
                            moved.SettlementDate = moved.TradeDate;
                        }

                        Assert.True((await store.ChangeTransactionsAsync(data.Household.Id, [moved], [])).Succeeded);
                        backdated.Add(moved);
                    }
                    else
                    {
                        Assert.True((await store.ChangeTransactionsAsync(data.Household.Id, [], [changed.Id])).Succeeded);
                    }

                    break;
                case 4:
                    // New closes after the last, or corrected ones in the past.
                    var from = random.Next(2) == 0 ? lastDay.AddDays(1) : RandomDay(random, lastDay);
                    await ImportPricesAsync(database, data, from, from.AddDays(random.Next(1, 30)), random, skipFirst: -1, until: from);
                    break;
                default:
                    db.FxRates.Add(new FxRate(Currency.Eur, Currency.Usd, RandomDay(random, lastDay.AddDays(30)).AddDays(1), Math.Round(1m + (decimal)random.NextDouble() * 0.4m, 4)));
                    try
                    {
                        await db.SaveChangesAsync();
                    }
                    catch (DbUpdateException)
                    {
                        // Same day drawn twice: nothing to test.
                    }

                    break;
            }

            compared += await CompareWithReplayAsync(database, data, lastDay);
            accountsCompared += await CompareAccountsWithReplayAsync(database, data, lastDay);
        }

        // Some ranges cannot be valued (no close yet): both answers must then fail alike, but most must succeed.
        output.WriteLine($"{compared} of {24 * 6} series compared point by point");
        Assert.True(compared >= 48, $"only {compared} series were valued");
        output.WriteLine($"{accountsCompared} of {24 * 8} account series compared point by point");
        Assert.True(accountsCompared >= 64, $"only {accountsCompared} account series were valued");
        await CompareWithRebuildAsync(database, data.Household.Id);
    }

    /// <summary>Net worth over the whole history and past its end, in USD and EUR, and later positions: read model versus replay. Returns how many series were valued.</summary>
    private static async Task<int> CompareWithReplayAsync(TestDatabase database, LedgerTestHousehold data, DateOnly lastDay)
    {
        var count = 0;
        foreach (var currency in new[] { Currency.Usd, Currency.Eur })
        {
            foreach (var (from, to) in new[] { (Start.AddDays(-5), lastDay.AddDays(45)), (Start.AddDays(7), lastDay.AddDays(45)), (lastDay.AddDays(-20), lastDay.AddDays(3)) })
            {
                await using var db = database.CreateDbContext();
                var reports = new HouseholdReports(db, new LedgerStore(db), new ValuationProjector(db));
                var expected = (await reports.NetWorthByReplayAsync(data.Household.Id, from, to, currency))!;
                var actual = (await reports.NetWorthAsync(data.Household.Id, from, to, currency))!;
                Assert.Equal(expected.Succeeded, actual.Succeeded);
                Assert.Equal((expected.Problem?.Code, expected.Problem?.Message), (actual.Problem?.Code, actual.Problem?.Message));
                Assert.Equal(expected.Problem?.Items, actual.Problem?.Items);
                if (expected.TryGet(out var want, out _) && actual.TryGet(out var got, out _))
                {
                    Assert.Equal(want.Points, got.Points);
                    count++;
                }
            }
        }

        await using (var db = database.CreateDbContext())
        {
            var reports = new HouseholdReports(db, new LedgerStore(db), new ValuationProjector(db));
            var day = lastDay.AddDays(10);
            var expected = (await reports.PositionsByReplayAsync(data.Household.Id, day))!;
            var actual = (await reports.PositionsAsync(data.Household.Id, day))!;
            Assert.Equal(Lines(expected), Lines(actual));
        }

        return count;
    }

    /// <summary>
    /// Each account's series from the read model against the performance report's daily values of that account
    /// (a replay over every stored close, valuing each holding and converting it on its own). Where the replay
    /// values the range, the read model must too, with the same values; the replay also values the day before the
    /// range, so it may fail where the read model does not. Returns how many series were compared.
    /// </summary>
    private static async Task<int> CompareAccountsWithReplayAsync(TestDatabase database, LedgerTestHousehold data, DateOnly lastDay)
    {
        var count = 0;
        await using var db = database.CreateDbContext();
        var reports = new HouseholdReports(db, new LedgerStore(db), new ValuationProjector(db));
        foreach (var account in new[] { data.Taxable, data.Ira })
        {
            foreach (var currency in new[] { Currency.Usd, Currency.Eur })
            {
                foreach (var (from, to) in new[] { (Start.AddDays(7), lastDay.AddDays(45)), (lastDay.AddDays(-20), lastDay.AddDays(3)) })
                {
                    var expected = (await reports.PerformanceAsync(data.Household.Id, new PerformanceRequest(from, to, currency, new PerformanceScope(account.Id))))!;
                    var actual = (await reports.AccountValueSeriesAsync(data.Household.Id, account.Id, from, to, currency))!;
                    if (!expected.TryGet(out var report, out _))
                    {
                        continue;
                    }

                    var series = actual.Expect($"{account.Name} {from}..{to} in {currency}: the replay values it, the read model");
                    Assert.Equal(report.Days.Select(d => d.Date), series.Points.Select(p => p.Date));
                    foreach (var (day, point) in report.Days.Zip(series.Points))
                    {
                        Assert.True(Math.Abs(day.Value - point.Value) < 1e-9m, $"{account.Name} {point.Date} in {currency}: replay {day.Value}, read model {point.Value}");
                    }

                    count++;
                }
            }
        }

        return count;
    }

    private static async Task CompareWithRebuildAsync(TestDatabase database, Guid householdId)
    {
        List<ValuationDayRow> incremental;
        List<ValuationGapRow> incrementalGaps;
        List<AccountValuationDayRow> incrementalAccounts;
        List<AccountValuationGapRow> incrementalAccountGaps;
        await using (var db = database.CreateDbContext())
        {
            (incremental, incrementalGaps) = await RowsAsync(db, householdId);
            (incrementalAccounts, incrementalAccountGaps) = await AccountRowsAsync(db, householdId);
            Assert.NotEmpty(incrementalAccounts);
            Assert.NotEmpty(incremental);
            Assert.True(await new ValuationProjector(db).RebuildAsync(householdId, CancellationToken.None));
        }

        await using (var db = database.CreateDbContext())
        {
            var (rebuilt, rebuiltGaps) = await RowsAsync(db, householdId);
            Assert.Equal(rebuilt, incremental);
            Assert.Equal(rebuiltGaps, incrementalGaps);
            var (rebuiltAccounts, rebuiltAccountGaps) = await AccountRowsAsync(db, householdId);
            Assert.Equal(rebuiltAccounts, incrementalAccounts);
            Assert.Equal(rebuiltAccountGaps, incrementalAccountGaps);
            var store = new LedgerStore(db);
            Assert.Equal((await store.ReplayAsOfAsync(householdId, DateOnly.MaxValue)).Expect("replay").Cash, await store.GetCashAsync(householdId));
        }
    }

    private static async Task<(List<ValuationDayRow>, List<ValuationGapRow>)> RowsAsync(GlidepathDbContext db, Guid householdId)
    {
        var days = (await db.ValuationDays.AsNoTracking().Where(d => d.HouseholdId == householdId).ToListAsync())
            .OrderBy(d => d.Date).ThenBy(d => d.Currency.Code, StringComparer.Ordinal).ToList();
        var gaps = (await db.ValuationGaps.AsNoTracking().Where(g => g.HouseholdId == householdId).ToListAsync()).OrderBy(g => g.Date).ToList();
        return (days, gaps);
    }

    private static async Task<(List<AccountValuationDayRow>, List<AccountValuationGapRow>)> AccountRowsAsync(GlidepathDbContext db, Guid householdId)
    {
        var days = (await db.AccountValuationDays.AsNoTracking().Where(d => d.HouseholdId == householdId).ToListAsync())
            .OrderBy(d => d.AccountId).ThenBy(d => d.Date).ThenBy(d => d.Currency.Code, StringComparer.Ordinal).ToList();
        var gaps = (await db.AccountValuationGaps.AsNoTracking().Where(g => g.HouseholdId == householdId).ToListAsync())
            .OrderBy(g => g.AccountId).ThenBy(g => g.Date).ToList();
        return (days, gaps);
    }

    private static List<string> Lines(PositionsReport report) =>
        [.. report.Positions.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Account.Id} {p.Instrument.Id} {p.Quantity} {p.CostBasis} {p.Price} {p.PriceDate} {p.MarketValue}")),
         .. report.Cash.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Account.Id} {c.Amount}"))];

    /// <summary>Imports random closes for the three instruments on every weekday of the range; the first <paramref name="skipFirst"/> instrument has none before <paramref name="until"/>.</summary>
    private static async Task ImportPricesAsync(TestDatabase database, LedgerTestHousehold data, DateOnly from, DateOnly to, Random random, int skipFirst, DateOnly until)
    {
        var csv = new StringBuilder("Date," + string.Join(",", data.Instruments.Select(i => i.Symbol)) + "\n");
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var closes = data.Instruments.Select((_, i) => i == skipFirst && day < until ? "" : Math.Round(20m + (decimal)random.NextDouble() * 100m, 4).ToString(CultureInfo.InvariantCulture));
            csv.Append(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').AppendJoin(',', closes).Append('\n');
        }

        await using var db = database.CreateDbContext();
        await using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
        var result = await new PriceImporter(db).ImportAsync(file);
        Assert.False(result.Rejected, string.Join("; ", result.Errors));
    }

    private static DateOnly RandomDay(Random random, DateOnly last) => Start.AddDays(random.Next(0, last.DayNumber - Start.DayNumber + 1));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static Transaction Clone(Transaction t) => new()
    {
        Id = t.Id,
        AccountId = t.AccountId,
        Type = t.Type,
        TradeDate = t.TradeDate,
        SettlementDate = t.SettlementDate,
        InstrumentId = t.InstrumentId,
        Quantity = t.Quantity,
        Price = t.Price,
        Fees = t.Fees,
        Amount = t.Amount,
    };
}
