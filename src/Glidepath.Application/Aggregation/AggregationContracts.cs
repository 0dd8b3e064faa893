using Glidepath.Infrastructure.Aggregation;

namespace Glidepath.Application.Aggregation;

/// <summary>A link token for the linking widget (Plaid Link); valid until <see cref="Expiration"/>.</summary>
public sealed record LinkTokenDto(string LinkToken, DateTimeOffset? Expiration);

/// <summary>
/// Exchange the widget's one-time public token: every account of the item is connected, each to the ledger account
/// its mapping names or else to a new ledger account.
/// </summary>
public sealed record ExchangeConnectionRequest(string? PublicToken, IReadOnlyList<AccountMappingRequest>? Accounts);

/// <summary>The provider's account and the household's existing ledger account it books into.</summary>
public sealed record AccountMappingRequest(string? ProviderAccountId, Guid? AccountId);

/// <summary>
/// A connection and its health: <c>status</c> is <c>ok</c> (last sync succeeded), <c>error</c> (the last sync
/// failed; it is retried on schedule), <c>relink-needed</c> (the user must link again) or <c>never-synced</c>.
/// The access token is never part of it.
/// </summary>
public sealed record ConnectionDto(
    Guid Id,
    string Provider,
    string ItemId,
    string InstitutionName,
    string Status,
    DateTimeOffset CreatedUtc,
    DateTimeOffset? LastSyncUtc,
    DateTimeOffset? LastAttemptUtc,
    string? LastErrorCode,
    string? LastErrorMessage,
    bool NeedsRelink,
    int? HoldingDifferences,
    IReadOnlyList<ConnectionAccountDto> Accounts)
{
    public static ConnectionDto From(AggregationConnection c) => new(
        c.Id, c.Provider, c.ItemId, c.InstitutionName,
        c.NeedsRelink ? "relink-needed" : c.LastErrorCode is not null ? "error" : c.LastSyncUtc is null ? "never-synced" : "ok",
        c.CreatedUtc, c.LastSyncUtc, c.LastAttemptUtc, c.LastErrorCode, c.LastErrorMessage, c.NeedsRelink, c.HoldingDifferences,
        [.. c.Accounts.OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.ProviderAccountId, StringComparer.Ordinal)
            .Select(a => new ConnectionAccountDto(a.ProviderAccountId, a.AccountId, a.Name, a.Mask, a.Type, a.Subtype))]);
}

public sealed record ConnectionAccountDto(string ProviderAccountId, Guid AccountId, string Name, string? Mask, string Type, string? Subtype);

/// <summary>
/// One sync: pages read, ledger rows added, changed and deleted, provider rows not booked (pending, zero, unmapped
/// account or already as stored), and where the provider's holdings differ from the ledger's positions.
/// </summary>
public sealed record SyncResultDto(
    Guid ConnectionId,
    int Pages,
    int Added,
    int Modified,
    int Removed,
    int Skipped,
    IReadOnlyList<HoldingDifferenceDto> HoldingDifferences,
    ConnectionDto Connection);

/// <summary>A holding whose quantity at the provider differs from the ledger's position (by ticker) in the mapped account.</summary>
public sealed record HoldingDifferenceDto(Guid AccountId, string ProviderAccountId, string Symbol, string? SecurityName, decimal ProviderQuantity, decimal LedgerQuantity);
