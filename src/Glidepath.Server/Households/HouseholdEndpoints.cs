using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Instruments;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Api;
using Glidepath.Server.Auth;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;
using Glidepath.Server.Fx;
using Glidepath.Infrastructure.Reporting;
using Glidepath.Application.Planning.Runs;
using Glidepath.Server.Planning.Runs;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Households;

public static class HouseholdEndpoints
{
    public static IEndpointRouteBuilder MapHouseholdEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/households").WithTags("Households");
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapGet("/{householdId:guid}", Get).WithName("GetHousehold");
        group.MapPut("/{householdId:guid}", Update);
        group.MapDelete("/{householdId:guid}", Delete).RequireStepUp().RequireHouseholdOwner();
        return api;
    }

    /// <summary>The households the caller owns (and, for an advisor, those granting access).</summary>
    private static async Task<Ok<List<HouseholdDto>>> List(HttpContext http, GlidepathDbContext db, CancellationToken ct)
    {
        var visible = HouseholdScope.VisibleHouseholdIds(db, http.User);
        return TypedResults.Ok(await db.Households.AsNoTracking().Where(h => visible.Contains(h.Id)).OrderBy(h => h.Name)
            .Select(h => h.ToDto()).ToListAsync(ct));
    }

    private static async Task<Results<Ok<HouseholdDto>, NotFoundProblem>> Get(Guid householdId, GlidepathDbContext db, CancellationToken ct) =>
        await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, ct) is { } household
            ? TypedResults.Ok(household.ToDto())
            : HouseholdScope.HouseholdNotFound(householdId);

    private static async Task<Results<CreatedAtRoute<HouseholdDto>, ValidationProblem>> Create(
        CreateHouseholdRequest request, HttpContext http, GlidepathDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = Validate(request.Name, request.ReportingCurrency, out var currency);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var household = new Household { Name = request.Name!.Trim(), ReportingCurrency = currency, CreatedUtc = clock.GetUtcNow() };
        db.Households.Add(household);
        db.HouseholdOwners.Add(new HouseholdOwner { HouseholdId = household.Id, UserId = http.User.UserId() });
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(household.ToDto(), "GetHousehold", new { householdId = household.Id });
    }

    /// <summary>
    /// A stale <see cref="UpdateHouseholdRequest.Version"/> makes the save throw; the exception handler answers 409.
    /// A new reporting currency that some account or manual item has no rate to is refused (422
    /// <c>missing-fx-rate</c> naming the pairs) rather than left to break every valuation.
    /// </summary>
    private static async Task<Results<Ok<HouseholdDto>, NotFoundProblem, ValidationProblem, UnprocessableProblem>> Update(
        Guid householdId, UpdateHouseholdRequest request, GlidepathDbContext db, HouseholdReports reports, TimeProvider clock, CancellationToken ct)
    {
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null)
        {
            return HouseholdScope.HouseholdNotFound(householdId);
        }

        var errors = Validate(request.Name, request.ReportingCurrency, out var currency);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        if (currency != household.ReportingCurrency
            && await reports.MissingRatesAsync(householdId, currency, clock.Today(), ct) is { Count: > 0 } missing)
        {
            return FxRateEndpoints.MissingRates(currency, missing);
        }

        db.Entry(household).Property(h => h.Version).OriginalValue = request.Version;
        household.Name = request.Name!.Trim();
        household.ReportingCurrency = currency;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(household.ToDto());
    }

    /// <summary>Deletes the household with its people, accounts and their whole history.</summary>
    private static async Task<Results<NoContent, NotFoundProblem>> Delete(
        Guid householdId, HttpContext http, GlidepathDbContext db, AuditLog audit, SimulationQueue simulations, CancellationToken ct)
    {
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null)
        {
            return HouseholdScope.HouseholdNotFound(householdId);
        }

        // Its plans' runs go with it (cascade); the ones still queued or running are stopped after the commit.
        var unfinishedRuns = await SimulationQueue.UnfinishedRunIdsAsync(db.SimulationRuns.Where(r => r.HouseholdId == householdId), ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var accountIds = db.Accounts.Where(a => a.HouseholdId == householdId).Select(a => a.Id);
        await db.Transactions.Where(t => accountIds.Contains(t.AccountId)).ExecuteDeleteAsync(ct);
        await PrivateInstruments.DeleteOfHouseholdsAsync(db, [householdId], ct);
        db.Households.Remove(household);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditEvents.HouseholdDeleted, http.User.UserId(), householdId, ct: ct);
        await transaction.CommitAsync(ct);
        simulations.CancelDeleted(unfinishedRuns);
        return TypedResults.NoContent();
    }

    private static ValidationErrors Validate(string? name, string? reportingCurrency, out Currency currency)
    {
        currency = Currency.Usd;
        var errors = new ValidationErrors()
            .Check(!string.IsNullOrWhiteSpace(name), "name", "A name is required.")
            .CheckLength(name, "name", TextLimits.Name);
        if (reportingCurrency is not null && !Currency.TryParse(reportingCurrency, out currency))
        {
            errors.Add("reportingCurrency", $"'{reportingCurrency}' is not a supported ISO-4217 currency code.");
        }

        return errors;
    }
}
