namespace Glidepath.Domain.Rebalancing;

/// <summary>
/// A rebalance proposal as it was shown (its JSON, so accepting it places exactly those trades). Accepting
/// turns its trades into pending orders once: a second accept returns the same orders.
/// </summary>
public sealed class StoredProposal
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    /// <summary>The account it rebalances; null for a household-wide proposal.</summary>
    public Guid? AccountId { get; set; }

    public DateOnly AsOf { get; set; }

    public bool Force { get; set; }

    public bool AssetLocation { get; set; }

    /// <summary>The <see cref="RebalanceProposal"/> as JSON (PortfolioSnapshotJson options).</summary>
    public required string ProposalJson { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset? AcceptedUtc { get; set; }

    public long Version { get; set; } = 1;
}
