using Glidepath.Infrastructure.Aggregation;
using Glidepath.Testing.Aggregation;
using Microsoft.Extensions.Options;

namespace Glidepath.Infrastructure.Tests.Aggregation;

/// <summary>
/// The Plaid adapter against <see cref="PlaidStub"/>, which answers with Plaid's documentation examples
/// (Samples/Apis/plaid_*.json; origins in that folder's README) in Plaid's wire format.
/// </summary>
public sealed class PlaidProviderTest
{
    [Fact]
    public async Task LinkToken_SendsCredentialsAndUser_ReadsTheDocumentedToken()
    {
        await using var stub = await PlaidStub.StartAsync();

        var token = await Provider(stub).CreateLinkTokenAsync("household-1", CancellationToken.None);

        Assert.Equal("link-sandbox-af1a0311-da53-4636-b754-dd15cc058176", token.Token);
        Assert.Equal(new DateTimeOffset(2020, 3, 27, 12, 56, 34, TimeSpan.Zero), token.Expiration);
        var (path, body) = Assert.Single(stub.Requests);
        Assert.Equal("link/token/create", path);
        Assert.Equal((PlaidStub.ClientId, PlaidStub.Secret, "household-1"), ((string?)body["client_id"], (string?)body["secret"], (string?)body["user"]!["client_user_id"]));
    }

    [Fact]
    public async Task Exchange_ThenAccounts_ReadsTokenItemAndTheFiveAccounts()
    {
        await using var stub = await PlaidStub.StartAsync();
        var provider = Provider(stub);

        var item = await provider.ExchangePublicTokenAsync(PlaidStub.PublicToken, CancellationToken.None);
        var accounts = await provider.GetAccountsAsync(item.AccessToken, CancellationToken.None);

        Assert.Equal(("access-sandbox-de3ce8ef-33f8-452c-a685-8671031fc0f6", "M5eVJqLnv3tbzdngLDp9FL5OlDNxlNhlE55op"), (item.AccessToken, item.ItemId));
        Assert.DoesNotContain(item.AccessToken, item.ToString(), StringComparison.Ordinal);
        Assert.Equal(("ins_3", "Chase"), (accounts.InstitutionId, accounts.InstitutionName));
        Assert.Equal(["Plaid Checking", "Plaid Money Market", "Plaid IRA", "Plaid 401k", "Plaid Crypto Exchange Account"], accounts.Accounts.Select(a => a.Name));
        Assert.Equal(("depository", "checking", "0000", "USD"), (accounts.Accounts[0].Type, accounts.Accounts[0].Subtype, accounts.Accounts[0].Mask, accounts.Accounts[0].Currency));

        // A public token is single-use: Plaid's INVALID_PUBLIC_TOKEN the second time.
        var again = await Assert.ThrowsAsync<AggregationException>(() => provider.ExchangePublicTokenAsync(PlaidStub.PublicToken, CancellationToken.None));
        Assert.Equal(("INVALID_INPUT", "INVALID_PUBLIC_TOKEN", false), (again.ErrorType, again.ErrorCode, again.NeedsRelink));
    }

    /// <summary>The documented page: Walmart 72.10 added (posted), DoorDash 28.34 modified (pending), one removal.</summary>
    [Fact]
    public async Task Sync_ReadsAddedModifiedRemovedAndTheCursor()
    {
        await using var stub = await PlaidStub.StartAsync();

        var page = await Provider(stub).SyncTransactionsAsync(stub.AccessToken, null, 500, CancellationToken.None);

        var added = Assert.Single(page.Added);
        Assert.Equal(("lPNjeW1nR6CDn5okmGQ6hEpMo4lLNoSrzqDje", "BxBXxLj1m4HMXBm9WZZmCWVbPjX16EHwv99vp", 72.1m, "USD", new DateOnly(2023, 9, 24), "Walmart", false),
            (added.TransactionId, added.AccountId, added.Amount, added.Currency, added.Date, added.MerchantName, added.Pending));
        var modified = Assert.Single(page.Modified);
        Assert.Equal(("yhnUVvtcGGcCKU0bcz8PDQr5ZUxUXebUvbKC0", 28.34m, true), (modified.TransactionId, modified.Amount, modified.Pending));
        Assert.Equal(["CmdQTNgems8BT1B7ibkoUXVPyAeehT3Tmzk0l"], page.Removed);
        Assert.False(page.HasMore);
        Assert.StartsWith("tVUUL15lYQN5rBnfDIc1I8xudpGdIlw9nsgeXWvhOfkECvUeR663i3Dt1uf/94S8ASkitgLcIiOSqNwzzp", page.NextCursor, StringComparison.Ordinal);
        var (_, body) = Assert.Single(stub.Requests);
        Assert.Equal((stub.AccessToken, null, 500), ((string?)body["access_token"], (string?)body["cursor"], (int?)body["count"]));
    }

    /// <summary>The documented holdings: 9 holdings whose institution values add up to 19,874.06455 (samples README).</summary>
    [Fact]
    public async Task Holdings_JoinsSecurities()
    {
        await using var stub = await PlaidStub.StartAsync();

        var holdings = await Provider(stub).GetHoldingsAsync(stub.AccessToken, CancellationToken.None);

        Assert.Equal(9, holdings.Count);
        Assert.Equal(19874.06455m, holdings.Sum(h => h.InstitutionValue ?? 0m));
        var mutualFund = Assert.Single(holdings, h => h.Ticker == "MIPTX");
        Assert.Equal(("k67E4xKvMlhmleEa4pg9hlwGGNnnEeixPolGm", 23.567m, "mutual fund", "Matthews Pacific Tiger Fund Insti Class"),
            (mutualFund.AccountId, mutualFund.Quantity, mutualFund.SecurityType, mutualFund.SecurityName));
        Assert.Equal(2, holdings.Count(h => h.SecurityType == "cash"));
    }

    [Fact]
    public async Task ItemLoginRequired_IsAnErrorThatNeedsRelink()
    {
        await using var stub = await PlaidStub.StartAsync();
        stub.FailNext("transactions/sync", "ITEM_ERROR", "ITEM_LOGIN_REQUIRED", PlaidStub.LoginRequiredMessage);

        var error = await Assert.ThrowsAsync<AggregationException>(() => Provider(stub).SyncTransactionsAsync(stub.AccessToken, null, 500, CancellationToken.None));

        Assert.Equal(("ITEM_ERROR", "ITEM_LOGIN_REQUIRED", true), (error.ErrorType, error.ErrorCode, error.NeedsRelink));
        Assert.Equal(PlaidStub.LoginRequiredMessage, error.Message);
        Assert.DoesNotContain(stub.AccessToken, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongSecret_IsInvalidApiKeys_AndUnreachableIsANetworkError()
    {
        await using var stub = await PlaidStub.StartAsync();

        var keys = await Assert.ThrowsAsync<AggregationException>(() => Provider(stub, secret: "wrong").CreateLinkTokenAsync("h", CancellationToken.None));
        var closed = await Assert.ThrowsAsync<AggregationException>(() =>
            new PlaidProvider(new HttpClient(), Options.Create(new PlaidOptions { BaseUrl = new Uri("http://127.0.0.1:9/") })).CreateLinkTokenAsync("h", CancellationToken.None));

        Assert.Equal(("INVALID_INPUT", "INVALID_API_KEYS"), (keys.ErrorType, keys.ErrorCode));
        Assert.Equal("NETWORK_ERROR", closed.ErrorCode);
    }

    private static PlaidProvider Provider(PlaidStub stub, string secret = PlaidStub.Secret) =>
        new(new HttpClient(), Options.Create(new PlaidOptions { BaseUrl = new Uri(stub.BaseUrl), ClientId = PlaidStub.ClientId, Secret = secret }));
}
