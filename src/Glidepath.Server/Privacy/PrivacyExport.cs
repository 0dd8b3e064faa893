using Glidepath.Application.Privacy;
using Glidepath.Application.Transactions;
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

public sealed record PrivacyExportDto(
    DateTimeOffset ExportedUtc, ExportedUser User, IReadOnlyList<ExportedHousehold> Households,
    IReadOnlyList<ExportedGrant> GrantsReceived, IReadOnlyList<ExportedAuditEvent> AuditEvents);

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
        data.AuditEvents);

    private static ExportedGrant ToDto(AdvisorGrant g) => new(g.Id, g.HouseholdId, g.AdvisorId, g.GrantedUtc, g.RevokedUtc);
}
