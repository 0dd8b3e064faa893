using Glidepath.Application.Audit;
using Glidepath.Application.Errors;
using Glidepath.Application.Fx;
using Glidepath.Application.Planning.Runs;
using Glidepath.Application.Validation;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Results;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Instruments;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Households;

/// <summary>
/// The households a caller sees, and creating, renaming, re-denominating and deleting one (the front
/// door has already checked access to a named household; deleting takes its owner).
/// </summary>
public sealed class HouseholdDirectory(GlidepathDbContext db, HouseholdReports reports, AuditLog audit, SimulationQueue simulations, TimeProvider clock)
{
    public static Problem NotFound(Guid householdId) => Problem.NotFound(ErrorCodes.HouseholdNotFound, $"Household {householdId} does not exist.");

    /// <summary>The households the caller owns (and, for an advisor, those granting access), by name.</summary>
    public async Task<IReadOnlyList<Household>> ListAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var visible = caller.VisibleHouseholdIds(db);
        return await db.Households.AsNoTracking().Where(h => visible.Contains(h.Id)).OrderBy(h => h.Name).ToListAsync(ct);
    }

    public async Task<Result<Household>> GetAsync(Guid householdId, CancellationToken ct) =>
        await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, ct) is { } household ? household : NotFound(householdId);

    /// <summary>A new household owned by <paramref name="ownerId"/>.</summary>
    public async Task<Result<Household>> CreateAsync(Guid ownerId, CreateHouseholdRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var checks = Validate(request.Name, request.ReportingCurrency, out var currency);
        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        var household = new Household { Name = request.Name!.Trim(), ReportingCurrency = currency, CreatedUtc = clock.GetUtcNow() };
        db.Households.Add(household);
        db.HouseholdOwners.Add(new HouseholdOwner { HouseholdId = household.Id, UserId = ownerId });
        await db.SaveChangesAsync(ct);
        return household;
    }

    /// <summary>
    /// A stale <see cref="UpdateHouseholdRequest.Version"/> makes the save throw (a concurrency conflict).
    /// A new reporting currency that some account or manual item has no rate to is refused
    /// (<c>missing-fx-rate</c> naming the pairs) rather than left to break every valuation.
    /// </summary>
    public async Task<Result<Household>> UpdateAsync(Guid householdId, UpdateHouseholdRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null)
        {
            return NotFound(householdId);
        }

        var checks = Validate(request.Name, request.ReportingCurrency, out var currency);
        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        if (currency != household.ReportingCurrency
            && await reports.MissingRatesAsync(householdId, currency, clock.Today(), ct) is { Count: > 0 } missing)
        {
            return MissingFxRates.Problem(currency, missing);
        }

        db.Entry(household).Property(h => h.Version).OriginalValue = request.Version;
        household.Name = request.Name!.Trim();
        household.ReportingCurrency = currency;
        await db.SaveChangesAsync(ct);
        return household;
    }

    /// <summary>Deletes the household with its people, accounts and their whole history. Audited.</summary>
    public async Task<Result<Household>> DeleteAsync(Guid householdId, Guid actorId, CancellationToken ct)
    {
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null)
        {
            return NotFound(householdId);
        }

        // Its plans' runs go with it (cascade); the ones still queued or running are stopped after the commit.
        var unfinishedRuns = await SimulationQueue.UnfinishedRunIdsAsync(db.SimulationRuns.Where(r => r.HouseholdId == householdId), ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var accountIds = db.Accounts.Where(a => a.HouseholdId == householdId).Select(a => a.Id);
        await db.Transactions.Where(t => accountIds.Contains(t.AccountId)).ExecuteDeleteAsync(ct);
        await PrivateInstruments.DeleteOfHouseholdsAsync(db, [householdId], ct);
        db.Households.Remove(household);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditEvents.HouseholdDeleted, actorId, householdId, ct: ct);
        await transaction.CommitAsync(ct);
        simulations.CancelDeleted(unfinishedRuns);
        return household;
    }

    private static InputChecks Validate(string? name, string? reportingCurrency, out Currency currency)
    {
        currency = Currency.Usd;
        var checks = new InputChecks()
            .Check(!string.IsNullOrWhiteSpace(name), "name", "A name is required.")
            .CheckLength(name, "name", TextLimits.Name);
        if (reportingCurrency is not null && !Currency.TryParse(reportingCurrency, out currency))
        {
            checks.Add("reportingCurrency", $"'{reportingCurrency}' is not a supported ISO-4217 currency code.");
        }

        return checks;
    }
}
