using System.Text;
using Glidepath.Infrastructure.Encryption;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Tests.Encryption;

public sealed class EncryptionAtRestTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ProtectedValues_ReadBackThroughEf_ButAreNowhereInTheRawDatabase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = await SensitiveHousehold.StoreAsync(database);

        await using (var db = database.CreateDbContext())
        {
            var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == data.AccountId);
            Assert.Equal(
                (SensitiveHousehold.AccountNumber, SensitiveHousehold.AggregationToken, SensitiveHousehold.AccountNotes),
                (account.Number!.Reveal(), account.AggregationToken, account.Notes));
            var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == data.PersonId);
            Assert.Equal((SensitiveHousehold.TaxId, SensitiveHousehold.PersonNotes), (person.TaxId!.Reveal(), person.Notes));
            var memos = await db.Transactions.AsNoTracking().Where(t => t.AccountId == data.AccountId).Select(t => t.Memo).ToListAsync();
            Assert.Equal(data.Memos.Order(), memos.Order());
        }

        // Every protected column holds only ciphertext under the active key, of the documented format.
        var raw = await SensitiveHousehold.RawProtectedValuesAsync(database);
        Assert.Equal(5 + data.Memos.Count, raw.Count);
        Assert.All(raw, r => Assert.Equal(TestKeys.Default.ActiveKeyId, FieldKeyRing.KeyIdOf(r.Stored)));
        Assert.Equal(6, raw.Select(r => r.Column).Distinct().Count());

        if (provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            Assert.False(File.Exists(database.SqliteFile + "-wal"));
            var bytes = await File.ReadAllBytesAsync(database.SqliteFile!);
            Assert.True(bytes.AsSpan().IndexOf("Okafor"u8) >= 0, "the scan reads the real file: an unprotected name is in it");
            foreach (var plaintext in data.Plaintexts)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(plaintext)) < 0, $"'{plaintext}' is in the SQLite file");
                Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(plaintext)) < 0, $"'{plaintext}' is in the SQLite file (UTF-16)");
            }
        }
        else
        {
            var rows = await SensitiveHousehold.PostgresRowsAsync(database);
            Assert.Contains("Okafor", rows, StringComparison.Ordinal);
            foreach (var plaintext in data.Plaintexts)
            {
                Assert.DoesNotContain(plaintext, rows, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task TamperedCiphertext_IsRejectedWithAClearError(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = await SensitiveHousehold.StoreAsync(database, memos: 1);
        var stored = (await SensitiveHousehold.RawProtectedValuesAsync(database)).Single(r => r.Column == ProtectedColumns.AccountNumber).Stored;
        var bytes = Convert.FromBase64String(stored);
        bytes[FieldCiphertext.HeaderSize + FieldCiphertext.NonceSize] ^= 0x01; // first ciphertext byte
        await SensitiveHousehold.ExecuteAsync(database, $"UPDATE accounts SET account_number = '{Convert.ToBase64String(bytes)}'");

        await using var db = database.CreateDbContext();
        var error = await ReadAccountErrorAsync(db, data.AccountId);
        Assert.Equal(ProtectedColumns.AccountNumber, error.Column);
        Assert.Contains("failed authentication under key 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ValueMovedToAnotherColumn_IsRejected(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = await SensitiveHousehold.StoreAsync(database, memos: 1);
        await SensitiveHousehold.ExecuteAsync(database, "UPDATE accounts SET notes = account_number");

        await using var db = database.CreateDbContext();
        var error = await ReadAccountErrorAsync(db, data.AccountId);
        Assert.Equal(ProtectedColumns.AccountNotes, error.Column);
        Assert.Contains("copied from another column", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task WrongOrMissingKey_IsRejectedNeverGarbage(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = await SensitiveHousehold.StoreAsync(database, memos: 1);

        // Same key id, different key material: a lost key file replaced by a fresh one.
        await using (var db = database.CreateDbContext(TestKeys.New(1).Ring))
        {
            var error = await ReadAccountErrorAsync(db, data.AccountId);
            Assert.Contains("the key does not match", error.Message, StringComparison.Ordinal);
        }

        // The key that wrote the values is not in the ring at all.
        await using (var db = database.CreateDbContext(TestKeys.New(2).Ring))
        {
            var error = await ReadAccountErrorAsync(db, data.AccountId);
            Assert.Contains("encrypted under key 1, which is not in the key ring (keys: 2)", error.Message, StringComparison.Ordinal);
            Assert.Equal(1u, error.KeyId);
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task DesignTimeContextWithoutKeys_CannotWriteProtectedValues(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var options = new DbContextOptionsBuilder<GlidepathDbContext>();
        database.Settings.Apply(options);
        await using var db = new GlidepathDbContext(options.Options);
        db.Add(new Domain.Households.Household { Name = "H", Accounts = [new() { Name = "A", Notes = "secret" }] });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
        Assert.Contains("no key ring", Unwrap(error)!.Message, StringComparison.Ordinal);
    }

    private static async Task<FieldDecryptionException> ReadAccountErrorAsync(GlidepathDbContext db, Guid accountId)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId));
        return Unwrap(error) ?? throw new Xunit.Sdk.XunitException($"Expected a FieldDecryptionException inside {error}");
    }

    /// <summary>EF wraps a converter's exception in its own; the decryption error is inside.</summary>
    private static FieldDecryptionException? Unwrap(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is FieldDecryptionException found)
            {
                return found;
            }
        }

        return null;
    }
}
