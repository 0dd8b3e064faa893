using Glidepath.Application.Privacy;
using Glidepath.Application.Strategies;
using Glidepath.Application.Transactions;
using Glidepath.Domain.Portfolios;
using Glidepath.Domain.Strategies;
using Glidepath.Infrastructure.Identity;
using Glidepath.Server.Accounts;
using Glidepath.Server.Households;
using Glidepath.Server.People;

namespace Glidepath.Server.Privacy;

public sealed record ExportedUser(Guid Id, string Email, bool EmailConfirmed, bool MfaEnabled, DateTimeOffset CreatedUtc, IReadOnlyList<string> Roles);

public sealed record ExportedHousehold(
    HouseholdDto Household, IReadOnlyList<PersonDto> People, IReadOnlyList<ExportedAccount> Accounts, IReadOnlyList<TransactionDto> Transactions,
    IReadOnlyList<ExportedPlan> Plans, IReadOnlyList<ExportedGrant> AdvisorGrants);

/// <summary>The account with its full number: the export is for its owner, the one place it is shown unmasked.</summary>
public sealed record ExportedAccount(AccountDto Account, string? Number);

public sealed record ExportedPlan(Guid Id, string Name, string ScenarioJson, DateTimeOffset CreatedUtc);

public sealed record ExportedGrant(Guid Id, Guid HouseholdId, Guid AdvisorId, DateTimeOffset GrantedUtc, DateTimeOffset? RevokedUtc);

/// <summary>A strategy the user published (docs/strategies.md), with the household it was published from and every revision.</summary>
public sealed record ExportedStrategy(
    Guid Id, string Name, string Description, Guid PublisherHouseholdId, IReadOnlyList<TargetAllocation> Allocations, RebalancingRule Rebalancing,
    IReadOnlyList<StrategyProxy> Proxies, DateTimeOffset PublishedUtc, DateTimeOffset UpdatedUtc, int Revision, DateTimeOffset? HiddenUtc, string? HiddenReason,
    IReadOnlyList<StrategyRevisionDto> Revisions);

/// <summary>A strategy one of the user's households follows.</summary>
public sealed record ExportedStrategyFollow(Guid StrategyId, string StrategyName, Guid HouseholdId, DateTimeOffset FollowedUtc);

/// <summary>The user's published strategies, their households' follows and the reports they filed.</summary>
public sealed record ExportedCommunity(IReadOnlyList<ExportedStrategy> StrategiesPublished, IReadOnlyList<ExportedStrategyFollow> StrategiesFollowed, IReadOnlyList<StrategyReportDto> StrategyReports);

public sealed record PrivacyExportDto(
    DateTimeOffset ExportedUtc, ExportedUser User, IReadOnlyList<ExportedHousehold> Households,
    IReadOnlyList<ExportedGrant> GrantsReceived, IReadOnlyList<ExportedAuditEvent> AuditEvents, ExportedCommunity Community);

/// <summary>The privacy export (<see cref="PersonalData.ExportAsync"/>) as one JSON document.</summary>
internal static class PrivacyExport
{
    public static PrivacyExportDto ToDto(this UserData data, DateTimeOffset exportedUtc) => new(
        exportedUtc,
        new ExportedUser(data.User.Id, data.User.Email ?? "", data.User.EmailConfirmed, data.User.TwoFactorEnabled, data.User.CreatedUtc, data.Roles),
        [.. data.Households.Select(h => new ExportedHousehold(
            h.Household.ToDto(), [.. h.People.Select(p => p.ToDto())], [.. h.Accounts.Select(a => new ExportedAccount(a.ToDto(), a.Number?.Reveal()))],
            [.. h.Transactions.Select(t => t.ToDto())], [.. h.Plans.Select(p => new ExportedPlan(p.Id, p.Name, p.ScenarioJson, p.CreatedUtc))],
            [.. h.AdvisorGrants.Select(ToDto)]))],
        [.. data.GrantsReceived.Select(ToDto)],
        data.AuditEvents,
        new ExportedCommunity(
            [.. data.Community.Published.Select(p => new ExportedStrategy(
                p.Strategy.Id, p.Strategy.Name, p.Strategy.Description, p.Strategy.PublisherHouseholdId, p.Strategy.Allocations, p.Strategy.Rebalancing,
                p.Strategy.Proxies, p.Strategy.PublishedUtc, p.Strategy.UpdatedUtc, p.Strategy.Revision, p.Strategy.HiddenUtc, p.Strategy.HiddenReason,
                [.. p.Revisions.Select(r => new StrategyRevisionDto(r.Number, r.EffectiveOn, r.Allocations, r.Rebalancing))]))],
            [.. data.Community.Follows.Select(f => new ExportedStrategyFollow(f.Follow.StrategyId, f.StrategyName, f.Follow.HouseholdId, f.Follow.FollowedUtc))],
            [.. data.Community.Reports.Select(r => new StrategyReportDto(r.Id, r.StrategyId, r.Reason, r.CreatedUtc))]));

    private static ExportedGrant ToDto(AdvisorGrant g) => new(g.Id, g.HouseholdId, g.AdvisorId, g.GrantedUtc, g.RevokedUtc);
}
