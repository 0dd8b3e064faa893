using Glidepath.Domain.Instruments;
using Glidepath.Domain.Portfolios;
using Glidepath.Domain.Strategies;

namespace Glidepath.Application.Strategies;

/// <summary>
/// Publishes one of the household's model portfolios. <paramref name="Name"/> and <paramref name="Description"/> default
/// to the model's; <paramref name="Proxies"/> names the shared instrument whose closes stand for an asset class (else the
/// shared instrument of that class with the most closes).
/// </summary>
public sealed record PublishStrategyRequest(
    Guid? ModelPortfolioId, string? Name = null, string? Description = null, RebalancingRule? Rebalancing = null, IReadOnlyDictionary<AssetClass, Guid>? Proxies = null);

/// <summary>The publisher's change: null fields keep their value; new allocations or a new rule make a new revision.</summary>
public sealed record UpdateStrategyRequest(
    string? Name = null, string? Description = null, RebalancingRule? Rebalancing = null, IReadOnlyList<TargetAllocation>? Allocations = null, IReadOnlyDictionary<AssetClass, Guid>? Proxies = null);

/// <summary>Copies a strategy's targets into the household as a model portfolio and, unless <paramref name="SetTargets"/> is false, as its household-wide rebalance targets.</summary>
public sealed record CopyStrategyRequest(string? Name = null, bool? SetTargets = null, IReadOnlyDictionary<AssetClass, Guid>? BuyInstrumentIds = null);

public sealed record ReportStrategyRequest(string? Reason);

public sealed record HideStrategyRequest(string? Reason);

/// <summary>An asset class's proxy as answered: the shared instrument and its symbol.</summary>
public sealed record StrategyProxyDto(AssetClass AssetClass, Guid InstrumentId, string Symbol, string Name);

/// <summary>
/// A strategy as anyone signed in sees it: weights, rule, proxies and counts. Never the publisher's household, holdings
/// or amounts; <paramref name="Mine"/> says whether the caller published it.
/// </summary>
public sealed record StrategyDto(
    Guid Id,
    string Name,
    string Description,
    IReadOnlyList<TargetAllocation> Allocations,
    RebalancingRule Rebalancing,
    IReadOnlyList<StrategyProxyDto> Proxies,
    bool ByAdvisor,
    bool Mine,
    DateTimeOffset PublishedUtc,
    DateOnly PublishedOn,
    DateTimeOffset UpdatedUtc,
    int Revision,
    int Followers,
    bool Hidden,
    string? HiddenReason);

/// <summary>An admin's view: the strategy, its reports and their reasons.</summary>
public sealed record AdminStrategyDto(StrategyDto Strategy, int Reports, IReadOnlyList<string> ReportReasons);

public sealed record StrategyReportDto(Guid Id, Guid StrategyId, string Reason, DateTimeOffset CreatedUtc);

public sealed record StrategyFollowDto(Guid StrategyId, string Name, int Revision, DateTimeOffset FollowedUtc);

public sealed record StrategyRevisionDto(int Number, DateOnly EffectiveOn, IReadOnlyList<TargetAllocation> Allocations, RebalancingRule Rebalancing);

/// <summary>
/// Performance since publication (docs/strategies.md, "Performance"): growth of 1 from the base close, TTWROR, annualised
/// once the range spans 365 days, the maximum drawdown with its peak and trough, and the daily points for the chart.
/// </summary>
public sealed record StrategyPerformanceDto(
    Guid StrategyId,
    DateOnly PublishedOn,
    DateOnly? BaseDate,
    DateOnly? EndDate,
    double? Ttwror,
    double? AnnualisedTtwror,
    double? MaxDrawdown,
    DateOnly? PeakDate,
    DateOnly? TroughDate,
    int Rebalances,
    IReadOnlyList<StrategyRevisionDto> Revisions,
    IReadOnlyList<StrategyPerformancePoint> Points);

/// <summary>The copy: the new model portfolio and whether the household's targets now follow it.</summary>
public sealed record StrategyCopyDto(Guid ModelPortfolioId, string Name, IReadOnlyList<TargetAllocation> Allocations, bool TargetsSet);

public static class StrategyErrorCodes
{
    public const string StrategyNotFound = "strategy-not-found";
    public const string NotThePublisher = "not-the-publisher";
    public const string AlreadyReported = "already-reported";
    public const string NoProxy = "no-proxy-for-class";
}
