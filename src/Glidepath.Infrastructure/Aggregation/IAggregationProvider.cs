using Glidepath.Domain.Aggregation;

namespace Glidepath.Infrastructure.Aggregation;

/// <summary>
/// An account-aggregation service in Plaid's shape (docs/aggregation.md): a link token for the linking widget, the
/// exchange of its one-time public token for a long-lived access token, the item's accounts, a cursor-paged
/// transaction feed and the investment holdings. Errors come back as <see cref="AggregationException"/>; access
/// tokens are secrets and never appear in messages.
/// </summary>
public interface IAggregationProvider
{
    /// <summary>The provider's stable name (<c>plaid</c>), stored on each connection.</summary>
    string Name { get; }

    /// <summary><c>link/token/create</c>: a short-lived token that starts the linking widget for <paramref name="clientUserId"/>.</summary>
    Task<LinkToken> CreateLinkTokenAsync(string clientUserId, CancellationToken ct);

    /// <summary><c>item/public_token/exchange</c>: the one-time public token the widget returned, exchanged for the item's access token.</summary>
    Task<ExchangedItem> ExchangePublicTokenAsync(string publicToken, CancellationToken ct);

    /// <summary><c>accounts/get</c>: the item's accounts and its institution.</summary>
    Task<ItemAccounts> GetAccountsAsync(string accessToken, CancellationToken ct);

    /// <summary><c>transactions/sync</c>: one page of changes after <paramref name="cursor"/> (null: from the beginning).</summary>
    Task<TransactionsPage> SyncTransactionsAsync(string accessToken, string? cursor, int count, CancellationToken ct);

    /// <summary><c>investments/holdings/get</c>: the item's holdings, each with its security.</summary>
    Task<IReadOnlyList<ProviderHolding>> GetHoldingsAsync(string accessToken, CancellationToken ct);
}

public sealed record LinkToken(string Token, DateTimeOffset? Expiration);

/// <summary>An exchanged item: the access token (a secret) and the provider's item id.</summary>
public sealed record ExchangedItem(string AccessToken, string ItemId)
{
    public override string ToString() => $"ExchangedItem {{ ItemId = {ItemId} }}";
}

/// <summary>One of the item's accounts: id, name, last four digits, type (<c>depository</c>, <c>investment</c>, <c>credit</c>, …) and subtype.</summary>
public sealed record ProviderAccount(string AccountId, string Name, string? Mask, string Type, string? Subtype, string? Currency);

public sealed record ItemAccounts(string ItemId, string? InstitutionId, string? InstitutionName, IReadOnlyList<ProviderAccount> Accounts);

/// <summary>One page of <c>transactions/sync</c>: what was added, modified and removed, the cursor after it, and whether more pages follow.</summary>
public sealed record TransactionsPage(
    IReadOnlyList<ProviderTransaction> Added,
    IReadOnlyList<ProviderTransaction> Modified,
    IReadOnlyList<string> Removed,
    string NextCursor,
    bool HasMore);

/// <summary>A holding: account, security (ticker, name, type), quantity and the institution's value.</summary>
public sealed record ProviderHolding(string AccountId, string SecurityId, string? Ticker, string? SecurityName, string? SecurityType, decimal Quantity, decimal? InstitutionValue, string? Currency);

/// <summary>
/// An error the provider reported (Plaid's error object: <c>error_type</c>, <c>error_code</c>, <c>error_message</c>),
/// or <c>NETWORK_ERROR</c> when it could not be reached. <see cref="NeedsRelink"/>: the user must link again.
/// </summary>
public sealed class AggregationException : Exception
{
    public AggregationException()
        : this("API_ERROR", "INTERNAL_SERVER_ERROR", "The aggregation service failed.")
    {
    }

    public AggregationException(string message)
        : this("API_ERROR", "INTERNAL_SERVER_ERROR", message)
    {
    }

    public AggregationException(string message, Exception innerException)
        : base(message, innerException) => (ErrorType, ErrorCode) = ("API_ERROR", "NETWORK_ERROR");

    public AggregationException(string errorType, string errorCode, string message, Exception? innerException = null)
        : base(message, innerException) => (ErrorType, ErrorCode) = (errorType, errorCode);

    public string ErrorType { get; }

    public string ErrorCode { get; }

    /// <summary>Item errors that only the user can clear by linking again (credentials changed, MFA, consent expired or revoked).</summary>
    public bool NeedsRelink => ErrorCode is "ITEM_LOGIN_REQUIRED" or "PENDING_EXPIRATION" or "ACCESS_NOT_GRANTED" or "USER_PERMISSION_REVOKED" or "ITEM_NOT_FOUND" or "INVALID_ACCESS_TOKEN";

    /// <summary>Plaid's error code that asks the caller to restart pagination from the cursor it started with.</summary>
    public bool RestartPagination => ErrorCode == "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION";
}
