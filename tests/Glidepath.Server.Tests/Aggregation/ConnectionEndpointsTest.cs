using System.Net;
using System.Text.Json.Nodes;
using Glidepath.Application.Aggregation;
using Glidepath.Application.Categories;
using Glidepath.Domain.Households;
using Glidepath.Domain.Transactions;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Application.Transactions;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Transactions;
using Glidepath.Testing.Aggregation;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Server.Tests.Aggregation;

/// <summary>
/// Linking and syncing through the API against <see cref="PlaidStub"/> (Plaid's documentation examples in its wire
/// format), on both databases. The documented sync page: Walmart 72.10 added and posted on 2023-09-24 (money out: a
/// withdrawal), DoorDash 28.34 modified but pending (not booked), one removal of a transaction never booked.
/// </summary>
public class ConnectionEndpointsTest
{
    private const string Checking = "BxBXxLj1m4HMXBm9WZZmCWVbPjX16EHwv99vp";
    private const string Walmart = "lPNjeW1nR6CDn5okmGQ6hEpMo4lLNoSrzqDje";

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Link_Exchange_Sync_BooksOnce_AndNeverShowsTheToken(DatabaseProvider provider)
    {
        await using var stub = await PlaidStub.StartAsync();
        await using var app = await StartAsync(provider, stub);
        var (client, householdId, url) = await HouseholdAsync(app);
        var checking = await client.AccountAsync(householdId, AccountType.Checking, name: "Everyday");
        var bodies = new List<string>();

        var link = await Read<LinkTokenDto>(bodies, await client.PostAsync($"{url}/link-token", new { }));
        var created = await Read<ConnectionDto>(bodies, await client.PostAsync(url, new ExchangeConnectionRequest(PlaidStub.PublicToken, [new AccountMappingRequest(Checking, checking.Id)])), HttpStatusCode.Created);
        var first = await Read<SyncResultDto>(bodies, await client.PostAsync($"{url}/{created.Id}/sync", new { }));
        var second = await Read<SyncResultDto>(bodies, await client.PostAsync($"{url}/{created.Id}/sync", new { }));
        // A retry from the start (as after a crash before the cursor was saved) books nothing again.
        await using (var db = app.CreateDbContext())
        {
            await db.AggregationConnections.Where(c => c.Id == created.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Cursor, (string?)null));
        }

        var replay = await Read<SyncResultDto>(bodies, await client.PostAsync($"{url}/{created.Id}/sync", new { }));
        var listed = await Read<List<ConnectionDto>>(bodies, await client.GetAsync(url));

        Assert.Equal("link-sandbox-af1a0311-da53-4636-b754-dd15cc058176", link.LinkToken);
        Assert.Equal(("Chase", "never-synced", 5), (created.InstitutionName, created.Status, created.Accounts.Count));
        Assert.Equal(checking.Id, Assert.Single(created.Accounts, a => a.ProviderAccountId == Checking).AccountId);
        Assert.Equal((1, 1, 0, 0, 2), (first.Pages, first.Added, first.Modified, first.Removed, first.Skipped));
        Assert.Equal((0, 0, 0, 0), (second.Added, second.Modified, second.Removed, second.Skipped));
        Assert.Equal((0, 0, 0, 3), (replay.Added, replay.Modified, replay.Removed, replay.Skipped));
        var booked = Assert.Single(await TransactionsAsync(client, householdId, checking.Id));
        Assert.Equal((TransactionType.Withdrawal, 72.1m, new DateOnly(2023, 9, 24), "Walmart", "plaid:" + Walmart),
            (booked.Type, booked.Amount, booked.TradeDate, booked.Memo, booked.ExternalId));
        // Categorised as an imported row is: Walmart is Food/Groceries in the shipped payee dictionary.
        await using (var db = app.CreateDbContext())
        {
            var category = await db.TransactionCategories.AsNoTracking().SingleAsync(c => c.TransactionId == booked.Id);
            var tree = await (await client.GetAsync($"/api/households/{householdId}/categories")).ReadAsync<List<CategoryDto>>();
            Assert.Equal("Food/Groceries", tree.Single(c => c.Id == category.CategoryId).Path);
        }
        var health = Assert.Single(listed);
        Assert.Equal(("ok", false, null), (health.Status, health.NeedsRelink, health.LastErrorCode));
        Assert.NotNull(health.LastSyncUtc);

        // The four other accounts became new ledger accounts of matching types.
        var accounts = await (await client.GetAsync($"/api/households/{householdId}/accounts")).ReadAsync<List<JsonObject>>();
        Assert.Equal(
            ["Everyday", "Plaid 401k ••6666", "Plaid Crypto Exchange Account ••4092", "Plaid IRA ••5555", "Plaid Money Market ••4444"],
            accounts.Select(a => (string)a["name"]!).Order(StringComparer.Ordinal));
        Assert.Equal("Plan401K", (string?)accounts.Single(a => (string)a["name"]! == "Plaid 401k ••6666")["type"]);
        Assert.Equal("Savings", (string?)accounts.Single(a => (string)a["name"]! == "Plaid Money Market ••4444")["type"]);

        // The access token: never in an answer or a log line, and stored only encrypted.
        Assert.All(bodies, b => Assert.DoesNotContain(stub.AccessToken, b, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Entries, e => (e.Message + e.Exception).Contains(stub.AccessToken, StringComparison.Ordinal)
            || e.State.Any(s => s.Value?.ToString()?.Contains(stub.AccessToken, StringComparison.Ordinal) == true));
        await using (var db = app.CreateDbContext())
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT access_token FROM aggregation_connections";
            var stored = (string)(await command.ExecuteScalarAsync())!;
            Assert.DoesNotContain("access-sandbox", stored, StringComparison.Ordinal);
            Assert.Equal(stub.AccessToken, (await db.AggregationConnections.SingleAsync()).AccessToken);
        }

        // Every sync sent the access token and the credentials in the body, as Plaid expects.
        Assert.All(stub.Requests.Where(r => r.Path == "transactions/sync"), r => Assert.Equal(stub.AccessToken, (string?)r.Body["access_token"]));
    }

    /// <summary>
    /// Two more pages after the first sync: the Walmart row modified to 75.50 and the pending DoorDash posted under a new
    /// id (has_more true), then the Walmart row removed. Only the posted DoorDash 28.34 remains.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Sync_PagesUntilHasMoreIsFalse_AndAppliesModifiedAndRemoved(DatabaseProvider provider)
    {
        await using var stub = await PlaidStub.StartAsync();
        await using var app = await StartAsync(provider, stub);
        var (client, householdId, url) = await HouseholdAsync(app);
        var checking = await client.AccountAsync(householdId, AccountType.Checking, name: "Everyday");
        var created = await (await client.PostAsync(url, new ExchangeConnectionRequest(PlaidStub.PublicToken, [new AccountMappingRequest(Checking, checking.Id)]))).ReadAsync<ConnectionDto>(HttpStatusCode.Created);
        await (await client.PostAsync($"{url}/{created.Id}/sync", new { })).ReadAsync<SyncResultDto>();
        var sample = PlaidStub.Sample("plaid_transactions_sync.response.json");
        var firstCursor = (string)sample["next_cursor"]!;

        var changed = (JsonObject)sample["added"]![0]!.DeepClone();
        changed["amount"] = 75.5m;
        var posted = (JsonObject)sample["modified"]![0]!.DeepClone();
        posted["pending"] = false;
        posted["pending_transaction_id"] = (string)posted["transaction_id"]!;
        posted["transaction_id"] = "postedDoordash0000000000000000000000";
        stub.Pages[firstCursor] = Page([posted], [changed], [], "cursor-2", hasMore: true);
        stub.Pages["cursor-2"] = Page([], [], [new JsonObject { ["account_id"] = Checking, ["transaction_id"] = Walmart }], "cursor-3", hasMore: false);

        var sync = await (await client.PostAsync($"{url}/{created.Id}/sync", new { })).ReadAsync<SyncResultDto>();

        // Walmart was modified on page 2 and removed on page 3: its last state (removed) is what counts.
        Assert.Equal((2, 1, 0, 1), (sync.Pages, sync.Added, sync.Modified, sync.Removed));
        Assert.Equal([null, firstCursor, "cursor-2"], stub.SyncCursors);
        var left = Assert.Single(await TransactionsAsync(client, householdId, checking.Id));
        Assert.Equal((TransactionType.Withdrawal, 28.34m, new DateOnly(2023, 9, 28), "Burger King"), (left.Type, left.Amount, left.TradeDate, left.Memo));
        await using var db = app.CreateDbContext();
        Assert.Equal("cursor-3", (await db.AggregationConnections.SingleAsync()).Cursor);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Sync_Modified_UpdatesTheBookedRow(DatabaseProvider provider)
    {
        await using var stub = await PlaidStub.StartAsync();
        await using var app = await StartAsync(provider, stub);
        var (client, householdId, url) = await HouseholdAsync(app);
        var checking = await client.AccountAsync(householdId, AccountType.Checking, name: "Everyday");
        var created = await (await client.PostAsync(url, new ExchangeConnectionRequest(PlaidStub.PublicToken, [new AccountMappingRequest(Checking, checking.Id)]))).ReadAsync<ConnectionDto>(HttpStatusCode.Created);
        await (await client.PostAsync($"{url}/{created.Id}/sync", new { })).ReadAsync<SyncResultDto>();
        var id = Assert.Single(await TransactionsAsync(client, householdId, checking.Id)).Id;
        var sample = PlaidStub.Sample("plaid_transactions_sync.response.json");
        var changed = (JsonObject)sample["added"]![0]!.DeepClone();
        changed["amount"] = -75.5m; // a refund: money in
        changed["date"] = "2023-09-25";
        stub.Pages[(string)sample["next_cursor"]!] = Page([], [changed], [], "cursor-2", hasMore: false);

        var sync = await (await client.PostAsync($"{url}/{created.Id}/sync", new { })).ReadAsync<SyncResultDto>();

        Assert.Equal((0, 1, 0), (sync.Added, sync.Modified, sync.Removed));
        var row = Assert.Single(await TransactionsAsync(client, householdId, checking.Id));
        Assert.Equal((id, TransactionType.Deposit, 75.5m, new DateOnly(2023, 9, 25)), (row.Id, row.Type, row.Amount, row.TradeDate));
    }

    /// <summary>ITEM_LOGIN_REQUIRED on the second page: nothing of the first page is stored, the cursor stays, the health says re-link.</summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Sync_ItemLoginRequired_NeedsRelink_AndStoresNothing(DatabaseProvider provider)
    {
        await using var stub = await PlaidStub.StartAsync();
        await using var app = await StartAsync(provider, stub);
        var (client, householdId, url) = await HouseholdAsync(app);
        var checking = await client.AccountAsync(householdId, AccountType.Checking, name: "Everyday");
        var created = await (await client.PostAsync(url, new ExchangeConnectionRequest(PlaidStub.PublicToken, [new AccountMappingRequest(Checking, checking.Id)]))).ReadAsync<ConnectionDto>(HttpStatusCode.Created);
        var first = stub.Pages[""];
        first["has_more"] = true;
        first["next_cursor"] = "cursor-2";
        stub.CursorErrors["cursor-2"] = ("ITEM_ERROR", "ITEM_LOGIN_REQUIRED", PlaidStub.LoginRequiredMessage);

        var problem = await (await client.PostAsync($"{url}/{created.Id}/sync", new { })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "aggregation-relink-needed");
        var health = await (await client.GetAsync($"{url}/{created.Id}")).ReadAsync<ConnectionDto>();

        Assert.Contains("ITEM_LOGIN_REQUIRED", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(("relink-needed", true, "ITEM_LOGIN_REQUIRED", null), (health.Status, health.NeedsRelink, health.LastErrorCode, health.LastSyncUtc));
        Assert.Equal(PlaidStub.LoginRequiredMessage, health.LastErrorMessage);
        Assert.NotNull(health.LastAttemptUtc);
        Assert.Empty(await TransactionsAsync(client, householdId, checking.Id));
        await using var db = app.CreateDbContext();
        Assert.Null((await db.AggregationConnections.SingleAsync()).Cursor);

        // The scheduled sync leaves a connection that needs a re-link alone.
        using var scope = app.Services.CreateScope();
        var run = await scope.ServiceProvider.GetRequiredService<AggregationSync>().SyncAllAsync(CancellationToken.None);
        Assert.Equal(new AggregationSyncRun(1, 0, 0, 1), run);
    }

    /// <summary>Plaid's TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION: the read restarts from the stored cursor and books once.</summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Sync_MutationDuringPagination_RestartsFromTheStoredCursor(DatabaseProvider provider)
    {
        await using var stub = await PlaidStub.StartAsync();
        await using var app = await StartAsync(provider, stub);
        var (client, householdId, url) = await HouseholdAsync(app);
        var checking = await client.AccountAsync(householdId, AccountType.Checking, name: "Everyday");
        var created = await (await client.PostAsync(url, new ExchangeConnectionRequest(PlaidStub.PublicToken, [new AccountMappingRequest(Checking, checking.Id)]))).ReadAsync<ConnectionDto>(HttpStatusCode.Created);
        stub.FailNext("transactions/sync", "TRANSACTIONS_ERROR", "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION", "Underlying transaction data changed since last page was fetched. Please restart pagination from last update.");

        var sync = await (await client.PostAsync($"{url}/{created.Id}/sync", new { })).ReadAsync<SyncResultDto>();

        Assert.Equal([null, null], stub.SyncCursors);
        Assert.Equal((1, 1), (sync.Pages, sync.Added));
        Assert.Single(await TransactionsAsync(client, householdId, checking.Id));
    }

    /// <summary>The test host's Plaid is a closed port: an unreachable provider is 422 aggregation-unavailable, never a 5xx.</summary>
    [Fact]
    public async Task LinkToken_ProviderUnreachable_IsAggregationUnavailable()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        var (client, _, url) = await HouseholdAsync(app);

        await (await client.PostAsync($"{url}/link-token", new { })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "aggregation-unavailable");
    }

    /// <summary>
    /// The holdings example against an empty ledger: its 9 holdings less the 2 cash ones (US dollar in the IRA and the
    /// 401k) are 7 differences; MIPTX 23.567 in the 401k among them.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Sync_ReportsHoldingsThatDifferFromTheLedger(DatabaseProvider provider)
    {
        await using var stub = await PlaidStub.StartAsync();
        await using var app = await StartAsync(provider, stub);
        var (client, _, url) = await HouseholdAsync(app);
        var created = await (await client.PostAsync(url, new ExchangeConnectionRequest(PlaidStub.PublicToken, null))).ReadAsync<ConnectionDto>(HttpStatusCode.Created);

        var sync = await (await client.PostAsync($"{url}/{created.Id}/sync", new { })).ReadAsync<SyncResultDto>();

        Assert.Equal(7, sync.HoldingDifferences.Count);
        Assert.Equal(7, sync.Connection.HoldingDifferences);
        var fund = Assert.Single(sync.HoldingDifferences, d => d.Symbol == "MIPTX");
        Assert.Equal(("k67E4xKvMlhmleEa4pg9hlwGGNnnEeixPolGm", 23.567m, 0m), (fund.ProviderAccountId, fund.ProviderQuantity, fund.LedgerQuantity));
        Assert.DoesNotContain(sync.HoldingDifferences, d => d.Symbol == "USD");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Exchange_NeedsStepUp_BadTokenStoresNothing_AndOtherHouseholdsSeeNothing(DatabaseProvider provider)
    {
        await using var stub = await PlaidStub.StartAsync();
        await using var app = await StartAsync(provider, stub);
        var stale = await app.CreateUserAsync(stepUp: false);
        var staleUrl = $"/api/v1/households/{stale.HouseholdId}/connections";
        await (await app.CreateClient(stale).PostAsync(staleUrl, new ExchangeConnectionRequest(PlaidStub.PublicToken, null))).ReadProblemAsync(HttpStatusCode.Forbidden, "step-up-required");

        var (client, householdId, url) = await HouseholdAsync(app);
        await (await client.PostAsync(url, new ExchangeConnectionRequest("public-sandbox-not-issued", null))).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "aggregation-provider-error");
        await (await client.PostAsync(url, new ExchangeConnectionRequest("", null))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PostAsync(url, new ExchangeConnectionRequest(PlaidStub.PublicToken, [new AccountMappingRequest(Checking, Guid.NewGuid())]))).ReadProblemAsync(HttpStatusCode.NotFound, "account-not-found");
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(0, await db.AggregationConnections.CountAsync());
            Assert.Equal(0, await db.Accounts.CountAsync(a => a.HouseholdId == householdId));
        }

        var created = await (await client.PostAsync(url, new ExchangeConnectionRequest(PlaidStub.PublicToken, null))).ReadAsync<ConnectionDto>(HttpStatusCode.Created);
        var other = await app.CreateUserAsync();
        var otherClient = app.CreateClient(other);
        var otherUrl = $"/api/v1/households/{other.HouseholdId}/connections";
        Assert.Empty(await (await otherClient.GetAsync(otherUrl)).ReadAsync<List<ConnectionDto>>());
        await (await otherClient.GetAsync($"{otherUrl}/{created.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "connection-not-found");
        await (await otherClient.PostAsync($"{otherUrl}/{created.Id}/sync", new { })).ReadProblemAsync(HttpStatusCode.NotFound, "connection-not-found");
        await (await otherClient.DeleteAsync($"{otherUrl}/{created.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "connection-not-found");
        Assert.Contains((await otherClient.GetAsync(url)).StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.Contains((await otherClient.PostAsync($"{url}/{created.Id}/sync", new { })).StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{url}/{created.Id}")).StatusCode);
        Assert.Empty(await (await client.GetAsync(url)).ReadAsync<List<ConnectionDto>>());
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(5, await db.Accounts.CountAsync(a => a.HouseholdId == householdId)); // the ledger accounts stay
            Assert.Equal(0, await db.AggregationAccountLinks.CountAsync());
        }
    }

    private static Task<GlidepathApp> StartAsync(DatabaseProvider provider, PlaidStub stub) =>
        GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?>
        {
            ["Aggregation:Plaid:BaseUrl"] = stub.BaseUrl,
            ["Aggregation:Plaid:ClientId"] = PlaidStub.ClientId,
            ["Aggregation:Plaid:Secret"] = PlaidStub.Secret,
        });

    private static async Task<(HttpClient Client, Guid HouseholdId, string Url)> HouseholdAsync(GlidepathApp app)
    {
        var user = await app.CreateUserAsync();
        var client = app.CreateClient(user);
        return (client, user.HouseholdId!.Value, $"/api/v1/households/{user.HouseholdId}/connections");
    }

    private static async Task<T> Read<T>(List<string> bodies, HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        bodies.Add(await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<T>(expected);
    }

    private static async Task<List<TransactionDto>> TransactionsAsync(HttpClient client, Guid householdId, Guid accountId) =>
        [.. (await (await client.GetAsync($"/api/households/{householdId}/transactions?accountId={accountId}")).ReadAsync<TransactionPage>()).Items];

    private static JsonObject Page(JsonNode[] added, JsonNode[] modified, JsonNode[] removed, string nextCursor, bool hasMore) => new()
    {
        ["accounts"] = new JsonArray(),
        ["added"] = new JsonArray(added),
        ["modified"] = new JsonArray(modified),
        ["removed"] = new JsonArray(removed),
        ["next_cursor"] = nextCursor,
        ["has_more"] = hasMore,
        ["request_id"] = "stubPage",
        ["transactions_update_status"] = "HISTORICAL_UPDATE_COMPLETE",
    };
}
