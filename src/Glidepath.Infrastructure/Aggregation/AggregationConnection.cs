namespace Glidepath.Infrastructure.Aggregation;

/// <summary>
/// A household's link to one institution through an aggregation service (a Plaid "item"; docs/aggregation.md):
/// the encrypted access token, the transaction feed's cursor, and the connection's health (last successful sync,
/// the last error, whether the user must link again).
/// </summary>
public sealed class AggregationConnection
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    /// <summary>The provider's name (<c>plaid</c>).</summary>
    public required string Provider { get; set; }

    /// <summary>The provider's item id.</summary>
    public required string ItemId { get; set; }

    public string? InstitutionId { get; set; }

    public string InstitutionName { get; set; } = "";

    /// <summary>The item's access token; a secret, encrypted at rest (docs/encryption.md), never shown by the API or logged.</summary>
    public required string AccessToken { get; set; }

    /// <summary>The <c>transactions/sync</c> cursor after the last stored page; null before the first sync.</summary>
    public string? Cursor { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>When a sync last completed and stored its changes.</summary>
    public DateTimeOffset? LastSyncUtc { get; set; }

    /// <summary>When a sync was last tried (successfully or not).</summary>
    public DateTimeOffset? LastAttemptUtc { get; set; }

    /// <summary>The provider's error code of the last failed sync (e.g. <c>ITEM_LOGIN_REQUIRED</c>); null after a success.</summary>
    public string? LastErrorCode { get; set; }

    public string? LastErrorMessage { get; set; }

    /// <summary>The user must link the institution again (the provider answered an item error such as <c>ITEM_LOGIN_REQUIRED</c>).</summary>
    public bool NeedsRelink { get; set; }

    /// <summary>How many holdings differed from the ledger's positions at the last sync (null: no investment accounts compared).</summary>
    public int? HoldingDifferences { get; set; }

    public List<AggregationAccountLink> Accounts { get; set; } = [];
}

/// <summary>One of the item's accounts and the ledger account its transactions book into.</summary>
public sealed class AggregationAccountLink
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ConnectionId { get; set; }

    /// <summary>The provider's account id.</summary>
    public required string ProviderAccountId { get; set; }

    public Guid AccountId { get; set; }

    public string Name { get; set; } = "";

    public string? Mask { get; set; }

    /// <summary>The provider's account type (<c>depository</c>, <c>credit</c>, <c>investment</c>, <c>loan</c>, <c>other</c>).</summary>
    public string Type { get; set; } = "";

    public string? Subtype { get; set; }
}
