using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Application.Alerts;
using Glidepath.Server.Api;
using Glidepath.Server.Auth;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;
using Glidepath.Server.Protection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Advisors;

/// <param name="Scope"><c>read</c> (the default) or <c>write</c>.</param>
public sealed record GrantRequest(string? AdvisorEmail, string? Scope = null);

public sealed record GrantDto(Guid Id, Guid HouseholdId, Guid AdvisorId, string AdvisorEmail, string Scope, DateTimeOffset GrantedUtc, DateTimeOffset? RevokedUtc);

public sealed record ClientHouseholdDto(Guid HouseholdId, string Name, DateTimeOffset GrantedUtc, ClientAlerts Alerts);

/// <summary>
/// A client's alerts today (GET …/alerts in short): targets outside their band, harvesting
/// opportunities and their estimated saving in <paramref name="Currency"/>; all null with
/// <paramref name="Unavailable"/> saying why when the household's snapshot cannot be built.
/// </summary>
public sealed record ClientAlerts(int? OutOfBandTargets, int? HarvestOpportunities, decimal? EstimatedSaving, string? Currency, string? Unavailable);

/// <summary>
/// Advisor access: the household owner grants and revokes (<c>/api/households/{id}/advisor-grants</c>,
/// owner only, audited; a revoked grant stays as history), and an advisor lists the households that
/// currently grant them access (<c>/api/advisor/clients</c>).
/// </summary>
public static class AdvisorEndpoints
{
    public static RouteGroupBuilder MapAdvisorGrantEndpoints(this RouteGroupBuilder household)
    {
        var grants = household.MapGroup("/advisor-grants").WithTags("Advisors").RequireHouseholdOwner();
        grants.MapGet("/", List);
        grants.MapPost("/", Grant);
        grants.MapDelete("/{grantId:guid}", Revoke);
        return household;
    }

    public static IEndpointRouteBuilder MapAdvisorEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/advisor/clients", Clients).WithTags("Advisors").RequireAuthorization(AuthPolicies.Advisor).CostsReads();
        return api;
    }

    /// <summary>Every grant, active and revoked, oldest first (sorted here: SQLite cannot order by DateTimeOffset).</summary>
    private static async Task<Ok<List<GrantDto>>> List(Guid householdId, GlidepathDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await (from g in db.AdvisorGrants
                                join u in db.Users on g.AdvisorId equals u.Id
                                where g.HouseholdId == householdId
                                select new GrantDto(g.Id, g.HouseholdId, g.AdvisorId, u.Email ?? "", g.Scope, g.GrantedUtc, g.RevokedUtc)).ToListAsync(ct))
            .OrderBy(g => g.GrantedUtc).ToList());

    private static async Task<Results<Created<GrantDto>, Ok<GrantDto>, NotFoundProblem, ValidationProblem>> Grant(
        Guid householdId, GrantRequest request, HttpContext http, UserManager<GlidepathUser> users, GlidepathDbContext db,
        AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.AdvisorEmail))
        {
            return ValidationErrors.Single("advisorEmail", "Name the advisor by e-mail address.");
        }

        if (!TextLimits.Fits(request.AdvisorEmail, TextLimits.Email))
        {
            return new ValidationErrors().CheckLength(request.AdvisorEmail, "advisorEmail", TextLimits.Email).ToProblem();
        }

        var scope = request.Scope?.Trim().ToLowerInvariant() ?? GrantScopes.Read;
        if (!GrantScopes.IsKnown(scope))
        {
            return ValidationErrors.Single("scope", "The scope is 'read' or 'write'.");
        }

        var advisor = await users.FindByEmailAsync(request.AdvisorEmail.Trim());
        if (advisor is null || !await users.IsInRoleAsync(advisor, Roles.Advisor))
        {
            return new NotFoundProblem(AuthErrorCodes.NotAnAdvisor, "No advisor has this e-mail address.");
        }

        var existing = await db.AdvisorGrants.FirstOrDefaultAsync(g => g.HouseholdId == householdId && g.AdvisorId == advisor.Id && g.RevokedUtc == null, ct);
        if (existing is not null && existing.Scope == scope)
        {
            return TypedResults.Ok(ToDto(existing, advisor));
        }

        // A changed scope is a new grant: the old one is revoked, so the history shows when write access began or ended.
        if (existing is not null)
        {
            existing.RevokedUtc = clock.GetUtcNow();
        }

        var grant = new AdvisorGrant { HouseholdId = householdId, AdvisorId = advisor.Id, GrantedBy = http.User.UserId(), GrantedUtc = clock.GetUtcNow(), Scope = scope };
        db.AdvisorGrants.Add(grant);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditEvents.GrantCreated, advisor.Id, householdId, actorId: grant.GrantedBy, detail: scope, ct: ct);
        return TypedResults.Created($"/api/households/{householdId}/advisor-grants/{grant.Id}", ToDto(grant, advisor));
    }

    private static async Task<Results<NoContent, NotFoundProblem>> Revoke(
        Guid householdId, Guid grantId, HttpContext http, GlidepathDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var grant = await db.AdvisorGrants.FirstOrDefaultAsync(g => g.Id == grantId && g.HouseholdId == householdId, ct);
        if (grant is null)
        {
            return new NotFoundProblem(AuthErrorCodes.GrantNotFound, $"Grant {grantId} is not in this household.");
        }

        if (grant.RevokedUtc is null)
        {
            grant.RevokedUtc = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await audit.WriteAsync(AuditEvents.GrantRevoked, grant.AdvisorId, householdId, actorId: http.User.UserId(), ct: ct);
        }

        return TypedResults.NoContent();
    }

    /// <summary>
    /// The households that grant the caller access, each with its alerts as of today (one snapshot
    /// per client); a client whose snapshot cannot be built (e.g. a missing price) says why instead.
    /// </summary>
    private static async Task<Ok<List<ClientHouseholdDto>>> Clients(
        HttpContext http, GlidepathDbContext db, HouseholdAlerts alerts, TimeProvider clock, CancellationToken ct)
    {
        var advisorId = http.User.UserId();
        var clients = await (from g in db.AdvisorGrants
                             join h in db.Households on g.HouseholdId equals h.Id
                             where g.AdvisorId == advisorId && g.RevokedUtc == null
                             orderby h.Name
                             select new { h.Id, h.Name, g.GrantedUtc }).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
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

        return TypedResults.Ok(list);
    }

    private static GrantDto ToDto(AdvisorGrant g, GlidepathUser advisor) => new(g.Id, g.HouseholdId, g.AdvisorId, advisor.Email ?? "", g.Scope, g.GrantedUtc, g.RevokedUtc);
}
