using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Instruments;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Privacy;

/// <summary>
/// <c>DELETE /api/me</c>: erases the user and every household they own (people, accounts,
/// transactions, plans, grants, derived ledger state), revokes their sessions, and anonymises their
/// audit records (user, actor and IP cleared; type, time and household id kept). One transaction:
/// all of it or nothing.
/// </summary>
internal static class AccountErasure
{
    public static async Task<Results<NoContent, NotFoundProblem>> EraseAsync(
        HttpContext http, UserManager<GlidepathUser> users, GlidepathDbContext db, AuditLog audit, CancellationToken ct)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return MeEndpoints.Gone();
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
        return TypedResults.NoContent();
    }
}
