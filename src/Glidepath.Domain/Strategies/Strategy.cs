using Glidepath.Domain.Instruments;
using Glidepath.Domain.Portfolios;

namespace Glidepath.Domain.Strategies;

/// <summary>
/// A model portfolio published for others (docs/strategies.md): name, description, target weights by asset class,
/// a rebalancing rule and, per asset class, the shared instrument whose closes stand for it. The publisher's user and
/// household are kept to authorise edits and are never answered: a strategy carries weights, never holdings or amounts.
/// The current targets and rule are the newest <see cref="StrategyRevision"/>'s, repeated here for listing.
/// </summary>
public sealed class Strategy
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PublisherUserId { get; set; }

    public Guid PublisherHouseholdId { get; set; }

    /// <summary>Whether the publisher held the advisor role when publishing (shown as "by an advisor").</summary>
    public bool ByAdvisor { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public List<TargetAllocation> Allocations { get; set; } = [];

    public RebalancingRule Rebalancing { get; set; }

    /// <summary>Asset class → shared instrument id whose closes price it; cash has none (0 %).</summary>
    public List<StrategyProxy> Proxies { get; set; } = [];

    public DateTimeOffset PublishedUtc { get; set; }

    /// <summary>The UTC date of publication: performance counts from the first close on or after it.</summary>
    public DateOnly PublishedOn { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>1 at publication; each change of targets or rule adds a revision.</summary>
    public int Revision { get; set; } = 1;

    public DateTimeOffset? HiddenUtc { get; set; }

    public string? HiddenReason { get; set; }

    public Guid? HiddenBy { get; set; }

    public long Version { get; set; } = 1;
}

/// <summary>The targets and rule in force from <see cref="EffectiveOn"/> (the UTC date of the change).</summary>
public sealed class StrategyRevision
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid StrategyId { get; set; }

    public int Number { get; set; }

    public DateOnly EffectiveOn { get; set; }

    public List<TargetAllocation> Allocations { get; set; } = [];

    public RebalancingRule Rebalancing { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}

/// <summary>A household follows a strategy: its owner is notified of changes (event <c>strategy.updated</c>).</summary>
public sealed class StrategyFollow
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid StrategyId { get; set; }

    public Guid HouseholdId { get; set; }

    public DateTimeOffset FollowedUtc { get; set; }
}

/// <summary>A user's report of a strategy to the moderators, one per user and strategy.</summary>
public sealed class StrategyReport
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid StrategyId { get; set; }

    public Guid ReporterUserId { get; set; }

    public string Reason { get; set; } = "";

    public DateTimeOffset CreatedUtc { get; set; }
}

/// <summary>The shared instrument standing for an asset class in a strategy's performance.</summary>
public sealed record StrategyProxy(AssetClass AssetClass, Guid InstrumentId);

/// <summary>When the simulated portfolio goes back to its targets (docs/strategies.md, "Performance").</summary>
public enum RebalancingRule
{
    /// <summary>Never: bought at the targets once, then left to drift.</summary>
    BuyAndHold,

    /// <summary>At the close of the first trading day of each calendar month.</summary>
    Monthly,

    /// <summary>At the close of the first trading day of January, April, July and October.</summary>
    Quarterly,

    /// <summary>At the close of the first trading day of each calendar year.</summary>
    Annually,
}
