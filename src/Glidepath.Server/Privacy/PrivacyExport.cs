using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Accounts;
using Glidepath.Server.Errors;
using Glidepath.Server.Auth;
using Glidepath.Server.Households;
using Glidepath.Server.People;
using Glidepath.Server.Transactions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Privacy;

public sealed record ExportedUser(Guid Id, string Email, bool EmailConfirmed, bool MfaEnabled, DateTimeOffset CreatedUtc, IReadOnlyList<string> Roles);

public sealed record ExportedHousehold(
    HouseholdDto Household, IReadOnlyList<PersonDto> People, IReadOnlyList<ExportedAccount> Accounts, IReadOnlyList<TransactionDto> Transactions,
    IReadOnlyList<ExportedPlan> Plans, IReadOnlyList<ExportedGrant> AdvisorGrants);

/// <summary>The account with its full number: the export is for its owner, the one place it is shown unmasked.</summary>
public sealed record ExportedAccount(AccountDto Account, string? Number);

public sealed record ExportedPlan(Guid Id, string Name, string ScenarioJson, DateTimeOffset CreatedUtc);

public sealed record ExportedGrant(Guid Id, Guid HouseholdId, Guid AdvisorId, DateTimeOffset GrantedUtc, DateTimeOffset? RevokedUtc);

public sealed record ExportedAuditEvent(DateTimeOffset OccurredUtc, string Type, Guid? HouseholdId, string? IpAddress, string? Detail);

public sealed record PrivacyExportDto(
    DateTimeOffset ExportedUtc, ExportedUser User, IReadOnlyList<ExportedHousehold> Households,
    IReadOnlyList<ExportedGrant> GrantsReceived, IReadOnlyList<ExportedAuditEvent> AuditEvents);

/// <summary>
/// Everything stored about the signed-in user as one JSON document: the account, every household
/// they own with its people, accounts, transactions, plans and advisor grants, grants they hold as
/// an advisor, and their audit trail. Derived ledger state (lots, positions) is left out: it is
/// rebuilt from the transactions. Secrets (password hash, TOTP key, recovery codes) are never exported.
/// </summary>
internal static class PrivacyExport
{
    public static async Task<Results<Ok<PrivacyExportDto>, NotFoundProblem>> ExportAsync(
        HttpContext http, UserManager<GlidepathUser> users, GlidepathDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return MeEndpoints.Gone();
        }

        var ownedIds = await db.HouseholdOwners.Where(o => o.UserId == user.Id).Select(o => o.HouseholdId).ToListAsync(ct);
        var households = new List<ExportedHousehold>();
        foreach (var id in ownedIds)
        {
            var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == id, ct);
            var people = await db.People.AsNoTracking().Where(p => p.HouseholdId == id).ToListAsync(ct);
            var accounts = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == id).ToListAsync(ct);
            var accountIds = accounts.Select(a => a.Id).ToList();
            var transactions = await db.Transactions.AsNoTracking().Where(t => accountIds.Contains(t.AccountId)).ToListAsync(ct);
            var plans = await db.Plans.AsNoTracking().Where(p => p.HouseholdId == id).Select(p => new ExportedPlan(p.Id, p.Name, p.ScenarioJson, p.CreatedUtc)).ToListAsync(ct);
            var grants = await db.AdvisorGrants.AsNoTracking().Where(g => g.HouseholdId == id).ToListAsync(ct);
            households.Add(new ExportedHousehold(
                household.ToDto(), [.. people.Select(p => p.ToDto())], [.. accounts.Select(a => new ExportedAccount(a.ToDto(), a.Number?.Reveal()))],
                [.. transactions.OrderBy(t => t.TradeDate).ThenBy(t => t.Id).Select(t => t.ToDto())], plans, [.. grants.Select(ToDto)]));
        }

        var received = await db.AdvisorGrants.AsNoTracking().Where(g => g.AdvisorId == user.Id).ToListAsync(ct);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.UserId == user.Id).OrderBy(e => e.Id)
            .Select(e => new ExportedAuditEvent(e.OccurredUtc, e.Type, e.HouseholdId, e.IpAddress, e.Detail)).ToListAsync(ct);
        var export = new PrivacyExportDto(
            clock.GetUtcNow(),
            new ExportedUser(user.Id, user.Email ?? "", user.EmailConfirmed, user.TwoFactorEnabled, user.CreatedUtc, [.. await users.GetRolesAsync(user)]),
            households, [.. received.Select(ToDto)], events);
        await audit.WriteAsync(AuditEvents.DataExported, user.Id, ct: ct);
        return TypedResults.Ok(export);
    }

    private static ExportedGrant ToDto(AdvisorGrant g) => new(g.Id, g.HouseholdId, g.AdvisorId, g.GrantedUtc, g.RevokedUtc);
}
