using System.Net;
using Glidepath.Application.Accounts;
using Glidepath.Domain.Households;
using Glidepath.Domain.TaxLots;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Accounts;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Tests.Accounts;

public class AccountEndpointsTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Accounts_CreateReadUpdateDelete_RoundTripsWithMaskedNumber(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}/accounts";

        var created = await client.AccountAsync(household.Id, AccountType.RothIra, LotReliefMethod.Hifo, "Roth");
        Assert.Equal("••••7890", created.NumberMasked);
        var body = await (await client.GetAsync($"{url}/{created.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("1234567890", body, StringComparison.Ordinal);

        Assert.False(created.WholeSharesOnly);
        var updated = await (await client.PutAsync($"{url}/{created.Id}", new UpdateAccountRequest("Roth IRA", null, LotReliefMethod.Fifo, created.Version, WholeSharesOnly: true)))
            .ReadAsync<AccountDto>();
        Assert.Equal(("Roth IRA", LotReliefMethod.Fifo, AccountType.RothIra, true), (updated.Name, updated.ReliefMethod, updated.Type, updated.WholeSharesOnly));
        Assert.True((await (await client.GetAsync($"{url}/{created.Id}")).ReadAsync<AccountDto>()).WholeSharesOnly);

        // A null wholeSharesOnly keeps the setting.
        var renamed = await (await client.PutAsync($"{url}/{created.Id}", new UpdateAccountRequest("Roth", null, null, updated.Version))).ReadAsync<AccountDto>();
        Assert.True(renamed.WholeSharesOnly);
        Assert.Single(await (await client.GetAsync(url)).ReadAsync<List<AccountDto>>());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{url}/{created.Id}")).StatusCode);
        await (await client.GetAsync($"{url}/{created.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "account-not-found");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Delete_AccountWithTransactions_Answers409SayingHowMany_AndKeepsIt(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id, name: "Brokerage");
        var url = $"/api/households/{household.Id}";
        await (await client.PostAsync($"{url}/transactions", Fixtures.Deposit(account.Id, new DateOnly(2000, 1, 3), 100m)))
            .ReadAsync<Glidepath.Application.Transactions.TransactionDto>(HttpStatusCode.Created);

        var problem = await (await client.DeleteAsync($"{url}/accounts/{account.Id}")).ReadProblemAsync(HttpStatusCode.Conflict, "account-has-transactions");

        Assert.Contains("Brokerage has 1 transaction(s)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await client.GetAsync($"{url}/accounts/{account.Id}")).ReadAsync<AccountDto>();
        var empty = await client.AccountAsync(household.Id, name: "Empty");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{url}/accounts/{empty.Id}")).StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Contains(await db.AuditEvents.Where(e => e.HouseholdId == household.Id).Select(e => e.Type).ToListAsync(), t => t == "ledger-account-deleted");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task OtherHouseholdsIds_Answer404Everywhere(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var mine = await client.HouseholdAsync("Mine");
        var theirs = await client.HouseholdAsync("Theirs");
        var theirAccount = await client.AccountAsync(theirs.Id);
        await (await client.PostAsync($"/api/households/{theirs.Id}/transactions", Fixtures.Deposit(theirAccount.Id, new DateOnly(2000, 1, 3), 100m)))
            .ReadAsync<Glidepath.Application.Transactions.TransactionDto>(HttpStatusCode.Created);
        var mineUrl = $"/api/households/{mine.Id}";

        await (await client.GetAsync($"{mineUrl}/accounts/{theirAccount.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "account-not-found");
        await (await client.GetAsync($"{mineUrl}/transactions?accountId={theirAccount.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "account-not-found");
        await (await client.PostAsync($"{mineUrl}/transactions", Fixtures.Deposit(theirAccount.Id, new DateOnly(2000, 1, 4), 5m)))
            .ReadProblemAsync(HttpStatusCode.NotFound, "account-not-found");
        await (await client.DeleteAsync($"{mineUrl}/accounts/{theirAccount.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "account-not-found");
        await (await client.GetAsync($"/api/households/{Guid.NewGuid()}/positions")).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");

        var page = await (await client.GetAsync($"{mineUrl}/transactions")).ReadAsync<Glidepath.Server.Transactions.TransactionPage>();
        Assert.Equal(0, page.TotalCount);
    }
}
