using Glidepath.Application.Audit;
using Glidepath.Application.Users;
using Glidepath.Domain.Households;
using Glidepath.Domain.Planning;
using Glidepath.Domain.Results;
using Glidepath.Domain.Strategies;
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

/// <summary>A strategy the user published, with every revision of its targets and rule.</summary>
public sealed record PublishedStrategy(Strategy Strategy, IReadOnlyList<StrategyRevision> Revisions);

/// <summary>A follow of one of the user's households, with the followed strategy's name.</summary>
public sealed record FollowedStrategy(StrategyFollow Follow, string StrategyName);

/// <summary>The user's community data: strategies published, follows of their households, reports they filed.</summary>
public sealed record CommunityData(IReadOnlyList<PublishedStrategy> Published, IReadOnlyList<FollowedStrategy> Follows, IReadOnlyList<StrategyReport> Reports);

/// <summary>Everything stored about one user (secrets left out), as <see cref="PersonalData.ExportAsync"/> collects it.</summary>
public sealed record UserData(
    GlidepathUser User, IReadOnlyList<string> Roles, IReadOnlyList<OwnedHousehold> Households,
    IReadOnlyList<AdvisorGrant> GrantsReceived, IReadOnlyList<ExportedAuditEvent> AuditEvents, CommunityData Community);

/// <summary>
/// A user's rights over their own data: the export of everything stored about them, and erasure. The export
/// holds the account, every household they own with its people, accounts, transactions, plans and advisor grants,
/// grants they hold as an advisor, their audit trail, and their community data (strategies they published with their
/// revisions, the strategies their households follow, the reports they filed); derived ledger state (lots, positions) is left out (it is
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
        var data = new UserData(user, [.. await users.GetRolesAsync(user)], households, received, events, await CommunityAsync(user.Id, ownedIds, ct));
        await audit.WriteAsync(AuditEvents.DataExported, user.Id, ct: ct);
        return data;
    }

    private async Task<CommunityData> CommunityAsync(Guid userId, List<Guid> ownedIds, CancellationToken ct)
    {
        var strategies = await db.Strategies.AsNoTracking().Where(s => s.PublisherUserId == userId).ToListAsync(ct);
        var strategyIds = strategies.Select(s => s.Id).ToList();
        var revisions = (await db.StrategyRevisions.AsNoTracking().Where(r => strategyIds.Contains(r.StrategyId)).ToListAsync(ct)).ToLookup(r => r.StrategyId);
        var published = strategies.OrderBy(s => s.PublishedUtc).ThenBy(s => s.Id)
            .Select(s => new PublishedStrategy(s, [.. revisions[s.Id].OrderBy(r => r.Number)])).ToList();
        var follows = await (from f in db.StrategyFollows.AsNoTracking()
                             join s in db.Strategies.AsNoTracking() on f.StrategyId equals s.Id
                             where ownedIds.Contains(f.HouseholdId)
                             select new { f, s.Name }).ToListAsync(ct);
        var reports = await db.StrategyReports.AsNoTracking().Where(r => r.ReporterUserId == userId).ToListAsync(ct);
        return new CommunityData(
            published,
            [.. follows.Select(x => new FollowedStrategy(x.f, x.Name)).OrderBy(x => x.Follow.FollowedUtc).ThenBy(x => x.Follow.Id)],
            [.. reports.OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id)]);
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
