using Glidepath.Application.Alerts;
using Glidepath.Application.Audit;
using Glidepath.Application.Errors;
using Glidepath.Application.Validation;
using Glidepath.Domain.Results;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Advisors;

/// <summary>
/// Advisor access: the household owner grants and revokes (audited; a revoked grant stays as history),
/// and an advisor lists the households that currently grant them access, with each client's alerts.
/// The front door checks that the caller owns the household (grants) or is an advisor (clients).
/// </summary>
public sealed class AdvisorGrants(GlidepathDbContext db, UserManager<GlidepathUser> users, HouseholdAlerts alerts, AuditLog audit, TimeProvider clock)
{
    /// <summary>Every grant, active and revoked, oldest first (sorted here: SQLite cannot order by DateTimeOffset).</summary>
    public async Task<IReadOnlyList<GrantDto>> ListAsync(Guid householdId, CancellationToken ct) =>
        [.. (await (from g in db.AdvisorGrants
                    join u in db.Users on g.AdvisorId equals u.Id
                    where g.HouseholdId == householdId
                    select new GrantDto(g.Id, g.HouseholdId, g.AdvisorId, u.Email ?? "", g.Scope, g.GrantedUtc, g.RevokedUtc)).ToListAsync(ct))
            .OrderBy(g => g.GrantedUtc)];

    /// <summary>Grants (or re-grants) an advisor access; <see cref="Granted.IsNew"/> is false when the same grant was already active.</summary>
    public async Task<Result<Granted>> GrantAsync(Guid householdId, GrantRequest request, Guid ownerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = request.Scope?.Trim().ToLowerInvariant() ?? GrantScopes.Read;
        var checks = new InputChecks()
            .Check(!string.IsNullOrWhiteSpace(request.AdvisorEmail), "advisorEmail", "Name the advisor by e-mail address.")
            .CheckLength(request.AdvisorEmail, "advisorEmail", TextLimits.Email)
            .Check(GrantScopes.IsKnown(scope), "scope", "The scope is 'read' or 'write'.");
        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        var advisor = await users.FindByEmailAsync(request.AdvisorEmail!.Trim());
        if (advisor is null || !await users.IsInRoleAsync(advisor, Roles.Advisor))
        {
            return Problem.NotFound(AuthErrorCodes.NotAnAdvisor, "No advisor has this e-mail address.");
        }

        var existing = await db.AdvisorGrants.FirstOrDefaultAsync(g => g.HouseholdId == householdId && g.AdvisorId == advisor.Id && g.RevokedUtc == null, ct);
        if (existing is not null && existing.Scope == scope)
        {
            return new Granted(ToDto(existing, advisor), IsNew: false);
        }

        // A changed scope is a new grant: the old one is revoked, so the history shows when write access began or ended.
        if (existing is not null)
        {
            existing.RevokedUtc = clock.GetUtcNow();
        }

        var grant = new AdvisorGrant { HouseholdId = householdId, AdvisorId = advisor.Id, GrantedBy = ownerId, GrantedUtc = clock.GetUtcNow(), Scope = scope };
        db.AdvisorGrants.Add(grant);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditEvents.GrantCreated, advisor.Id, householdId, actorId: grant.GrantedBy, detail: scope, ct: ct);
        return new Granted(ToDto(grant, advisor), IsNew: true);
    }

    /// <summary>Revokes a grant (revoking a revoked one changes nothing).</summary>
    public async Task<Result<Guid>> RevokeAsync(Guid householdId, Guid grantId, Guid ownerId, CancellationToken ct)
    {
        var grant = await db.AdvisorGrants.FirstOrDefaultAsync(g => g.Id == grantId && g.HouseholdId == householdId, ct);
        if (grant is null)
        {
            return Problem.NotFound(AuthErrorCodes.GrantNotFound, $"Grant {grantId} is not in this household.");
        }

        if (grant.RevokedUtc is null)
        {
            grant.RevokedUtc = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await audit.WriteAsync(AuditEvents.GrantRevoked, grant.AdvisorId, householdId, actorId: ownerId, ct: ct);
        }

        return grantId;
    }

    /// <summary>
    /// The households that grant <paramref name="advisorId"/> access, each with its alerts as of today (one
    /// snapshot per client); a client whose snapshot cannot be built (e.g. a missing price) says why instead.
    /// </summary>
    public async Task<IReadOnlyList<ClientHouseholdDto>> ClientsAsync(Guid advisorId, CancellationToken ct)
    {
        var clients = await (from g in db.AdvisorGrants
                             join h in db.Households on g.HouseholdId equals h.Id
                             where g.AdvisorId == advisorId && g.RevokedUtc == null
                             orderby h.Name
                             select new { h.Id, h.Name, g.GrantedUtc }).ToListAsync(ct);
        var today = clock.Today();
        var list = new List<ClientHouseholdDto>(clients.Count);
        foreach (var client in clients)
        {
            var summary = (await alerts.ComputeAsync(client.Id, today, ct)).Match(
                a => a.Unavailable is { } why
                    ? new ClientAlerts(null, null, null, null, why.Message)
                    : new ClientAlerts(a.Drift.Count, a.Harvest.Count, a.Harvest.EstimatedSaving, a.Currency, null),
                problem => new ClientAlerts(null, null, null, null, problem.Message));
            list.Add(new ClientHouseholdDto(client.Id, client.Name, client.GrantedUtc, summary));
        }

        return list;
    }

    private static GrantDto ToDto(AdvisorGrant g, GlidepathUser advisor) => new(g.Id, g.HouseholdId, g.AdvisorId, advisor.Email ?? "", g.Scope, g.GrantedUtc, g.RevokedUtc);
}

/// <summary>A grant and whether this request created it.</summary>
public sealed record Granted(GrantDto Grant, bool IsNew);
