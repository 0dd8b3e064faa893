using Glidepath.Application.Audit;
using Glidepath.Application.Users;
using Glidepath.Domain.Households;
using Glidepath.Domain.Planning;
using Glidepath.Domain.Results;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Instruments;
using Glidepath.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Privacy;

/// <summary>One household a user owns, as stored (the front door shapes it).</summary>
public sealed record OwnedHousehold(
    Household Household, IReadOnlyList<Person> People, IReadOnlyList<Account> Accounts, IReadOnlyList<Transaction> Transactions,
    IReadOnlyList<Plan> Plans, IReadOnlyList<AdvisorGrant> AdvisorGrants);

public sealed record ExportedAuditEvent(DateTimeOffset OccurredUtc, string Type, Guid? HouseholdId, string? IpAddress, string? Detail);

/// <summary>Everything stored about one user (secrets left out), as <see cref="PersonalData.ExportAsync"/> collects it.</summary>
public sealed record UserData(
    GlidepathUser User, IReadOnlyList<string> Roles, IReadOnlyList<OwnedHousehold> Households,
    IReadOnlyList<AdvisorGrant> GrantsReceived, IReadOnlyList<ExportedAuditEvent> AuditEvents);

/// <summary>
/// A user's rights over their own data: the export of everything stored about them, and erasure. The export
/// holds the account, every household they own with its people, accounts, transactions, plans and advisor grants,
/// grants they hold as an advisor, and their audit trail; derived ledger state (lots, positions) is left out (it is
/// rebuilt from the transactions), and so are secrets (password hash, TOTP key, recovery codes).
/// </summary>
public sealed class PersonalData(UserManager<GlidepathUser> users, GlidepathDbContext db, AuditLog audit)
{
    public async Task<Result<UserData>> ExportAsync(Guid userId, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return Profiles.Gone();
        }

        var ownedIds = await db.HouseholdOwners.Where(o => o.UserId == user.Id).Select(o => o.HouseholdId).ToListAsync(ct);
        var households = new List<OwnedHousehold>();
        foreach (var id in ownedIds)
        {
            var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == id, ct);
            var people = await db.People.AsNoTracking().Where(p => p.HouseholdId == id).ToListAsync(ct);
            var accounts = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == id).ToListAsync(ct);
            var accountIds = accounts.Select(a => a.Id).ToList();
            var transactions = await db.Transactions.AsNoTracking().Where(t => accountIds.Contains(t.AccountId)).ToListAsync(ct);
            var plans = await db.Plans.AsNoTracking().Where(p => p.HouseholdId == id).ToListAsync(ct);
            var grants = await db.AdvisorGrants.AsNoTracking().Where(g => g.HouseholdId == id).ToListAsync(ct);
            households.Add(new OwnedHousehold(household, people, accounts, [.. transactions.OrderBy(t => t.TradeDate).ThenBy(t => t.Id)], plans, grants));
        }

        var received = await db.AdvisorGrants.AsNoTracking().Where(g => g.AdvisorId == user.Id).ToListAsync(ct);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.UserId == user.Id).OrderBy(e => e.Id)
            .Select(e => new ExportedAuditEvent(e.OccurredUtc, e.Type, e.HouseholdId, e.IpAddress, e.Detail)).ToListAsync(ct);
        var data = new UserData(user, [.. await users.GetRolesAsync(user)], households, received, events);
        await audit.WriteAsync(AuditEvents.DataExported, user.Id, ct: ct);
        return data;
    }

    /// <summary>
    /// Erases the user and every household they own (people, accounts, transactions, plans, grants, derived ledger
    /// state), revokes their sessions, and anonymises their audit records (user, actor and IP cleared; type, time and
    /// household id kept). One transaction: all of it or nothing. Answers how many households were erased.
    /// </summary>
    public async Task<Result<int>> EraseAsync(Guid userId, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return Profiles.Gone();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var owned = await db.HouseholdOwners.Where(o => o.UserId == user.Id).Select(o => o.HouseholdId).ToListAsync(ct);
        var accountIds = db.Accounts.Where(a => owned.Contains(a.HouseholdId)).Select(a => a.Id);
        await db.Transactions.Where(t => accountIds.Contains(t.AccountId)).ExecuteDeleteAsync(ct);
        await PrivateInstruments.DeleteOfHouseholdsAsync(db, owned, ct);
        db.Households.RemoveRange(await db.Households.Where(h => owned.Contains(h.Id)).ToListAsync(ct));
        await db.SaveChangesAsync(ct);

        var id = user.Id;
        await db.AuditEvents.Where(e => e.UserId == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.UserId, (Guid?)null).SetProperty(e => e.IpAddress, (string?)null), ct);
        await db.AuditEvents.Where(e => e.ActorId == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorId, (Guid?)null), ct);
        var deleted = await users.DeleteAsync(user); // cascades refresh tokens, roles, grants held
        if (!deleted.Succeeded)
        {
            throw new InvalidOperationException("Identity refused to delete the user: " + string.Join("; ", deleted.Errors.Select(e => e.Code)));
        }

        await audit.WriteAsync(AuditEvents.AccountDeleted, null, detail: $"{owned.Count} household(s) erased", recordIp: false, ct: ct);
        await transaction.CommitAsync(ct);
        return owned.Count;
    }
}
