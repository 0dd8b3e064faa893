using System.Net;
using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Backups;
using Glidepath.Infrastructure.Encryption;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Jobs;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Webhooks;
using Glidepath.Server.Jobs;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Tests.Jobs;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Tests.Backups;

/// <summary>
/// A backup of the demo household's database, restored into a fresh database, holds every row of
/// every table and every encrypted value readable under the same key ring (and under no other);
/// the scheduled job writes backups and keeps the newest N.
/// </summary>
public sealed class BackupRestoreTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Restore_IntoAFreshDatabase_HasEveryRowAndEveryEncryptedValueReadable(DatabaseProvider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await using (await GlidepathApp.StartOnAsync(source, new Dictionary<string, string?> { ["Glidepath:SeedDemoData"] = "true" }))
        {
            // The server seeds the demo household; it is stopped before the backup so nothing changes after it.
        }

        await AddAValueToEveryProtectedColumnAsync(source);
        var folder = Directory.CreateTempSubdirectory("glidepath-backup-test-").FullName;
        try
        {
            var created = await Backup(source).CreateAsync(folder, CancellationToken.None);
            Assert.True(created.TryGet(out var file, out var problem), problem?.Message);

            await using var restored = await TestDatabase.CreateAsync(provider);
            var done = await Backup(restored).RestoreAsync(file.Path, force: false, CancellationToken.None);
            Assert.True(done.TryGet(out var restore, out problem), problem?.Message);

            Assert.False(restore.Overwrote);
            var expected = await source.DumpRowsAsync();
            var actual = await restored.DumpRowsAsync();
            Assert.Equal(expected.Keys, actual.Keys);
            foreach (var (table, rows) in expected)
            {
                Assert.True(rows.SequenceEqual(actual[table]), $"table {table}: {rows.Count} rows backed up, {actual[table].Count} restored, or their values differ");
            }

            Assert.True(expected["transactions"].Count > 1000, "the demo household's history was not seeded");
            var plaintexts = await ProtectedValuesAsync(source);
            Assert.Equal(plaintexts, await ProtectedValuesAsync(restored));
            Assert.All(
                [ProtectedColumns.AccountNumber, ProtectedColumns.AccountAggregationToken, ProtectedColumns.AccountNotes, ProtectedColumns.PersonTaxId,
                    ProtectedColumns.PersonNotes, ProtectedColumns.TransactionMemo, ProtectedColumns.RefreshSuccessor, ProtectedColumns.UserTokenValue,
                    ProtectedColumns.WebhookSecret],
                column => Assert.Contains(plaintexts, v => v.StartsWith(column + "=", StringComparison.Ordinal)));

            // The reminder is real: under another key ring the same rows cannot be read.
            restored.Keys = TestKeys.New(7);
            await Assert.ThrowsAnyAsync<Exception>(() => ProtectedValuesAsync(restored));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Restore_OverADatabaseWithData_IsRefusedUnlessForced(DatabaseProvider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await AddAValueToEveryProtectedColumnAsync(source);
        await using var target = await TestDatabase.CreateAsync(provider);
        await AddAValueToEveryProtectedColumnAsync(target);
        var folder = Directory.CreateTempSubdirectory("glidepath-backup-test-").FullName;
        try
        {
            Assert.True((await Backup(source).CreateAsync(folder, CancellationToken.None)).TryGet(out var file, out _));
            var before = await target.DumpRowsAsync();

            var refused = await Backup(target).RestoreAsync(file.Path, force: false, CancellationToken.None);
            Assert.False(refused.TryGet(out _, out var problem));
            Assert.Equal(BackupProblems.TargetNotEmpty, problem.Code);
            Assert.Equal(before, await target.DumpRowsAsync());

            var forced = await Backup(target).RestoreAsync(file.Path, force: true, CancellationToken.None);
            Assert.True(forced.TryGet(out var done, out problem), problem?.Message);
            Assert.True(done.Overwrote);
            Assert.Equal(await source.DumpRowsAsync(), await target.DumpRowsAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task BackupJob_WritesABackupEachRun_AndKeepsTheNewestN(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("glidepath-backup-job-").FullName;
        try
        {
            await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?>
            {
                ["Jobs:Enabled"] = "true",
                ["Jobs:InstanceId"] = "node-a",
                ["Jobs:Backup:Keep"] = "2",
                ["Backups:Folder"] = folder,
            });
            var admin = await app.CreateOperatorClientAsync();

            Guid? last = null;
            var messages = new List<string?>();
            for (var i = 0; i < 3; i++)
            {
                await (await admin.PostAsync($"/api/admin/jobs/{JobCatalog.Backup}/trigger", null)).ReadAsync<JobTriggeredDto>(HttpStatusCode.Accepted);
                var run = await JobsTest.FinishedRunAsync(admin, JobCatalog.Backup, last);
                Assert.True(run.Outcome == JobOutcomes.Succeeded, run.Message);
                messages.Add(run.Message);
                last = run.Id;
                await Task.Delay(TimeSpan.FromSeconds(1.1)); // file names carry the second
            }

            var files = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(2, files.Count);
            Assert.All(files, f => Assert.EndsWith(provider == DatabaseProvider.Sqlite ? ".db" : ".dump", f, StringComparison.Ordinal));
            Assert.EndsWith("kept the newest 2, deleted 1.", messages[2], StringComparison.Ordinal);
            Assert.Contains(files[1]!, messages[2], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static DatabaseBackup Backup(TestDatabase database) => new(database.Settings, new BackupOptions(), TimeProvider.System);

    /// <summary>The demo fills account numbers, memos and the users' second factors; the rest are written here.</summary>
    private static async Task AddAValueToEveryProtectedColumnAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var household = await db.Households.FirstOrDefaultAsync();
        if (household is null)
        {
            household = new Household { Name = "Backup test", CreatedUtc = DateTimeOffset.UnixEpoch };
            db.Households.Add(household);
        }

        var account = new Account
        {
            HouseholdId = household.Id,
            Name = "Restored brokerage",
            Type = AccountType.TaxableBrokerage,
            Number = new AccountNumber("ACCT-5521"),
            Notes = "opened for the backup test",
            AggregationToken = "agg-token-77",
        };
        db.Accounts.Add(account);
        db.People.Add(new Person { HouseholdId = household.Id, Name = "Pat Restore", BirthDate = new DateOnly(1970, 1, 2), TaxId = new TaxId("123-45-6789"), Notes = "spouse" });
        db.Transactions.Add(new Domain.Transactions.Transaction
        {
            AccountId = account.Id,
            Type = Domain.Transactions.TransactionType.Deposit,
            TradeDate = new DateOnly(2024, 1, 2),
            Amount = 100m,
            Memo = "first deposit",
        });
        var user = new GlidepathUser { Id = Guid.NewGuid(), UserName = $"backup-{Guid.NewGuid():N}@example.test", Email = "backup@example.test", CreatedUtc = DateTimeOffset.UnixEpoch };
        db.Users.Add(user);
        db.UserTokens.Add(new Microsoft.AspNetCore.Identity.IdentityUserToken<Guid> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = "JBSWY3DPEHPK3PXP" });
        db.RefreshTokens.Add(new RefreshToken { UserId = user.Id, FamilyId = Guid.NewGuid(), TokenHash = "ab12", Methods = "pwd", CreatedUtc = DateTimeOffset.UnixEpoch, ExpiresUtc = DateTimeOffset.UnixEpoch.AddDays(30), SuccessorToken = "successor-secret" });
        db.WebhookSubscriptions.Add(new WebhookSubscription { HouseholdId = household.Id, Url = "https://hooks.example.test/x", Events = "transaction.created", Secret = "whsec-backup", CreatedUtc = DateTimeOffset.UnixEpoch });
        await db.SaveChangesAsync();
    }

    /// <summary>Every protected value, decrypted through the database's key ring, as "column=plaintext", sorted.</summary>
    private static async Task<List<string>> ProtectedValuesAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var values = new List<string>();
        foreach (var a in await db.Accounts.AsNoTracking().ToListAsync())
        {
            Add(ProtectedColumns.AccountNumber, a.Number?.Reveal());
            Add(ProtectedColumns.AccountAggregationToken, a.AggregationToken);
            Add(ProtectedColumns.AccountNotes, a.Notes);
        }

        foreach (var p in await db.People.AsNoTracking().ToListAsync())
        {
            Add(ProtectedColumns.PersonTaxId, p.TaxId?.Reveal());
            Add(ProtectedColumns.PersonNotes, p.Notes);
        }

        foreach (var memo in await db.Transactions.AsNoTracking().Select(t => t.Memo).ToListAsync())
        {
            Add(ProtectedColumns.TransactionMemo, memo);
        }

        foreach (var successor in await db.RefreshTokens.AsNoTracking().Select(t => t.SuccessorToken).ToListAsync())
        {
            Add(ProtectedColumns.RefreshSuccessor, successor);
        }

        foreach (var token in await db.UserTokens.AsNoTracking().Select(t => t.Value).ToListAsync())
        {
            Add(ProtectedColumns.UserTokenValue, token);
        }

        foreach (var secret in await db.WebhookSubscriptions.AsNoTracking().Select(s => s.Secret).ToListAsync())
        {
            Add(ProtectedColumns.WebhookSecret, secret);
        }

        values.Sort(StringComparer.Ordinal);
        return values;

        void Add(string column, string? value)
        {
            if (value is not null)
            {
                values.Add(column + "=" + value);
            }
        }
    }
}
