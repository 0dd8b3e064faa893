using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Tests.Persistence;

public sealed class GlidepathDbContextTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Migrations_FreshDatabase_LeaveNoPendingModelChanges(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SaveChanges_HouseholdGraph_RoundTripsExactValues(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var household = new Household { Name = "Rivera", ReportingCurrency = Currency.Eur, CreatedUtc = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero) };
        var person = new Person { Name = "Ana", BirthDate = new DateOnly(1980, 5, 6), FilingStatus = FilingStatus.MarriedFilingJointly, State = "CA" };
        household.People.Add(person);
        var account = new Account { Name = "Brokerage", Type = AccountType.TaxableBrokerage, OwnerId = person.Id, Number = new AccountNumber("12345678") };
        household.Accounts.Add(account);
        var instrument = new Instrument { Symbol = "VTI", Type = InstrumentType.Etf, AssetClass = AssetClass.UsEquity };
        var lotId = Guid.NewGuid();
        var transaction = new Transaction
        {
            AccountId = account.Id,
            Type = TransactionType.Sell,
            TradeDate = new DateOnly(2024, 3, 1),
            SettlementDate = new DateOnly(2024, 3, 4),
            InstrumentId = instrument.Id,
            Quantity = 1.123456789m,
            Price = 12345678.0123456789m,
            Fees = 0.01m,
            FxRate = 1m,
            LotSelections = [new LotSelection(lotId, 0.5m)],
            ExternalId = "B-1",
        };

        await using (var db = database.CreateDbContext())
        {
            db.AddRange(household, instrument, transaction);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateDbContext())
        {
            var loaded = await db.Households.Include(h => h.People).Include(h => h.Accounts).SingleAsync();
            Assert.Equal(Currency.Eur, loaded.ReportingCurrency);
            Assert.Equal(household.CreatedUtc, loaded.CreatedUtc);
            Assert.Equal("12345678", Assert.Single(loaded.Accounts).Number!.Reveal());
            Assert.Equal(FilingStatus.MarriedFilingJointly, Assert.Single(loaded.People).FilingStatus);
            var t = await db.Transactions.SingleAsync();
            Assert.Equal(1.123456789m, t.Quantity);
            Assert.Equal(12345678.0123456789m, t.Price);
            Assert.Equal(new LotSelection(lotId, 0.5m), Assert.Single(t.LotSelections));
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SaveChanges_StaleAccountVersion_ThrowsConcurrencyException(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var household = new Household { Name = "H" };
        var account = new Account { Name = "Checking", Type = AccountType.Checking };
        household.Accounts.Add(account);
        await using (var db = database.CreateDbContext())
        {
            db.Add(household);
            await db.SaveChangesAsync();
        }

        await using var first = database.CreateDbContext();
        await using var second = database.CreateDbContext();
        var mine = await first.Accounts.SingleAsync();
        var theirs = await second.Accounts.SingleAsync();

        mine.Name = "Joint checking";
        await first.SaveChangesAsync();
        theirs.Name = "Stale edit";

        Assert.Equal(1, mine.Version);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SaveChanges_StaleHouseholdVersion_ThrowsConcurrencyException(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateDbContext())
        {
            db.Add(new Household { Name = "H" });
            await db.SaveChangesAsync();
        }

        await using var first = database.CreateDbContext();
        await using var second = database.CreateDbContext();
        var mine = await first.Households.SingleAsync();
        var theirs = await second.Households.SingleAsync();
        mine.Name = "First";
        await first.SaveChangesAsync();
        theirs.Name = "Second";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SaveChanges_DuplicateExternalIdInAccount_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var household = new Household { Name = "H" };
        var account = new Account { Name = "Checking", Type = AccountType.Checking };
        household.Accounts.Add(account);
        await using var db = database.CreateDbContext();
        db.Add(household);
        db.Add(new Transaction { AccountId = account.Id, Type = TransactionType.Deposit, Amount = 1m, ExternalId = "x" });
        db.Add(new Transaction { AccountId = account.Id, Type = TransactionType.Deposit, Amount = 1m, ExternalId = "x" });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
