using System.Net;
using Glidepath.Application.Accounts;
using Glidepath.Application.People;
using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Accounts;
using Glidepath.Server.People;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Tests.Encryption;

public sealed class SensitiveFieldsTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task PersonTaxIdAndNotes_AreStoredEncrypted_AndTheTaxIdIsOnlyShownMasked(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}/people";

        var created = await (await client.PostAsync(url, new PersonRequest("Ada", new DateOnly(1970, 1, 1), FilingStatus.Single, "US", "CA", "123-45-6789", "Call after 5")))
            .ReadAsync<PersonDto>(HttpStatusCode.Created);
        Assert.Equal(("•••••6789", "Call after 5"), (created.TaxIdMasked, created.Notes));
        var body = await (await client.GetAsync($"{url}/{created.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("123-45-6789", body, StringComparison.Ordinal);

        // A read-modify-write without the tax id keeps it; "" clears it.
        var kept = await (await client.PutAsync($"{url}/{created.Id}", new PersonRequest("Ada L", new DateOnly(1970, 1, 1), FilingStatus.Single, "US", null, null, "")))
            .ReadAsync<PersonDto>();
        Assert.Equal(("•••••6789", null), (kept.TaxIdMasked, kept.Notes));
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal("123-45-6789", (await db.People.SingleAsync(p => p.Id == created.Id)).TaxId!.Reveal());
            var raw = await db.Database.SqlQueryRaw<string>("SELECT tax_id AS \"Value\" FROM people").SingleAsync();
            Assert.DoesNotContain("6789", raw, StringComparison.Ordinal);
        }

        var cleared = await (await client.PutAsync($"{url}/{created.Id}", new PersonRequest("Ada", new DateOnly(1970, 1, 1), FilingStatus.Single, "US", null, "")))
            .ReadAsync<PersonDto>();
        Assert.Null(cleared.TaxIdMasked);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AccountNotes_RoundTrip(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}/accounts";

        var created = await (await client.PostAsync(url, new CreateAccountRequest("Brokerage", AccountType.TaxableBrokerage, "USD", "Schwab", "55501234", null, null, "Margin approved")))
            .ReadAsync<AccountDto>(HttpStatusCode.Created);
        Assert.Equal(("••••1234", "Margin approved"), (created.NumberMasked, created.Notes));
        var kept = await (await client.PutAsync($"{url}/{created.Id}", new UpdateAccountRequest("Brokerage", null, null, created.Version))).ReadAsync<AccountDto>();
        Assert.Equal("Margin approved", kept.Notes);
        var cleared = await (await client.PutAsync($"{url}/{created.Id}", new UpdateAccountRequest("Brokerage", null, null, kept.Version, ""))).ReadAsync<AccountDto>();
        Assert.Null(cleared.Notes);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AlteredCiphertext_Answers500WithAStableCodeAndNoDetail(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        await using (var db = app.CreateDbContext())
        {
            // The same column's value from another row would pass (binding is per column); a value from another column does not.
            await db.Database.ExecuteSqlRawAsync("UPDATE accounts SET notes = account_number");
        }

        var problem = await (await client.GetAsync($"/api/households/{household.Id}/accounts/{account.Id}"))
            .ReadProblemAsync(HttpStatusCode.InternalServerError, "encrypted-field-unreadable");
        Assert.DoesNotContain("accounts.notes", problem.ToString(), StringComparison.Ordinal);
    }
}
