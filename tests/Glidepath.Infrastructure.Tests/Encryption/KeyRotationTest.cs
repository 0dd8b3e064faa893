using Glidepath.Infrastructure.Encryption;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Tests.Encryption;

public sealed class KeyRotationTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Rotate_ReencryptsEveryValueUnderTheNewKey_AndKeepsThemReadable(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        database.Keys = TestKeys.New(1);
        var data = await SensitiveHousehold.StoreAsync(database, memos: 7);
        long versionBefore;
        await using (var db = database.CreateDbContext())
        {
            versionBefore = (await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == data.AccountId)).Version;
        }

        database.Keys = database.Keys.WithNewActiveKey(2);
        RotationSummary summary;
        await using (var db = database.CreateDbContext())
        {
            summary = await new KeyRotation(db, database.Keys.Ring).RotateAsync(batchSize: 3);
        }

        var total = 5 + data.Memos.Count;
        Assert.Equal((2u, (long)total, 0L), (summary.ActiveKeyId, summary.Reencrypted, summary.AlreadyCurrent));
        Assert.All(summary.Columns, c => Assert.Equal(0, c.ChangedMeanwhile));
        Assert.All(await SensitiveHousehold.RawProtectedValuesAsync(database), r => Assert.Equal(2u, FieldKeyRing.KeyIdOf(r.Stored)));

        // Key 1 can now be retired: a ring without it reads everything, and the rotation bumped no row version.
        database.Keys = database.Keys.Without(1);
        await AssertAllReadableAsync(database, data);
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(versionBefore, (await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == data.AccountId)).Version);
            var counts = await new KeyRotation(db, database.Keys.Ring).CountByKeyAsync();
            Assert.All(counts, c => Assert.Equal(2u, c.KeyId));
            Assert.Equal(total, counts.Sum(c => c.Count));

            var again = await new KeyRotation(db, database.Keys.Ring).RotateAsync();
            Assert.Equal((0L, (long)total), (again.Reencrypted, again.AlreadyCurrent));
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Rotate_Interrupted_LeavesEverythingReadableAndARerunFinishes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        database.Keys = TestKeys.New(1);
        var data = await SensitiveHousehold.StoreAsync(database, memos: 20);
        database.Keys = database.Keys.WithNewActiveKey(2);

        // Stop after the second batch, as Ctrl-C or a crash would.
        using var stop = new CancellationTokenSource();
        var batches = new StopAfter(2, stop);
        await using (var db = database.CreateDbContext())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => new KeyRotation(db, database.Keys.Ring).RotateAsync(batchSize: 4, batches, stop.Token));
        }

        var raw = await SensitiveHousehold.RawProtectedValuesAsync(database);
        var moved = raw.Count(r => FieldKeyRing.KeyIdOf(r.Stored) == 2);
        Assert.True(moved is > 0 and <= 8, $"{moved} values under key 2 after two batches of four");
        Assert.Contains(raw, r => FieldKeyRing.KeyIdOf(r.Stored) == 1);
        await AssertAllReadableAsync(database, data);

        await using (var db = database.CreateDbContext())
        {
            var rest = await new KeyRotation(db, database.Keys.Ring).RotateAsync(batchSize: 4);
            Assert.Equal((long)(raw.Count - moved), rest.Reencrypted);
            Assert.Equal(moved, rest.AlreadyCurrent);
        }

        Assert.All(await SensitiveHousehold.RawProtectedValuesAsync(database), r => Assert.Equal(2u, FieldKeyRing.KeyIdOf(r.Stored)));
        database.Keys = database.Keys.Without(1);
        await AssertAllReadableAsync(database, data);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Rotate_ValueUnderAKeyTheRingLacks_StopsWithAClearError(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        database.Keys = TestKeys.New(1);
        await SensitiveHousehold.StoreAsync(database, memos: 1);

        var ring = TestKeys.New(2).Ring; // key 1 forgotten
        await using var db = database.CreateDbContext(ring);
        var error = await Assert.ThrowsAsync<FieldDecryptionException>(() => new KeyRotation(db, ring).RotateAsync());
        Assert.Contains("under key 1, which is not in the key ring", error.Message, StringComparison.Ordinal);
        Assert.All(await SensitiveHousehold.RawProtectedValuesAsync(database), r => Assert.Equal(1u, FieldKeyRing.KeyIdOf(r.Stored)));
    }

    [Fact]
    public void Columns_FindEveryEncryptedProperty()
    {
        var options = new DbContextOptionsBuilder<GlidepathDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new GlidepathDbContext(options);
        var names = KeyRotation.Columns(db.Model).Select(c => $"{c.Name}={c.Table}.{c.Column}").ToArray();
        Assert.Equal(
            [
                "accounts.account_number=accounts.account_number", "accounts.aggregation_token=accounts.aggregation_token",
                "accounts.notes=accounts.notes", "aggregation_connections.access_token=aggregation_connections.access_token",
                "people.notes=people.notes", "people.tax_id=people.tax_id",
                "refresh_tokens.successor_token=refresh_tokens.successor_token", "transactions.memo=transactions.memo",
                "user_tokens.value=user_tokens.value", "webhook_subscriptions.secret=webhook_subscriptions.secret",
            ],
            names);
    }

    private static async Task AssertAllReadableAsync(TestDatabase database, SensitiveHousehold data)
    {
        await using var db = database.CreateDbContext();
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == data.AccountId);
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == data.PersonId);
        var memos = await db.Transactions.AsNoTracking().Select(t => t.Memo).ToListAsync();
        Assert.Equal(
            (SensitiveHousehold.AccountNumber, SensitiveHousehold.AggregationToken, SensitiveHousehold.AccountNotes, SensitiveHousehold.TaxId, SensitiveHousehold.PersonNotes),
            (account.Number!.Reveal(), account.AggregationToken, account.Notes, person.TaxId!.Reveal(), person.Notes));
        Assert.Equal(data.Memos.Order(), memos.Order());
    }

    private sealed class StopAfter(int batches, CancellationTokenSource stop) : IProgress<RotationProgress>
    {
        private int seen;

        public void Report(RotationProgress value)
        {
            if (++seen == batches)
            {
                stop.Cancel();
            }
        }
    }
}
