using Glidepath.Application.Accounts;
using Glidepath.Domain.Results;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Valuation;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Portfolio;

/// <summary>
/// The versions a portfolio read's answer depends on (docs/read-model.md, "Read caches"): the household's
/// read-model version, the shared-data version, and the household's reporting currency (the default of a read).
/// </summary>
public readonly record struct ReadVersion(long Household, long Shared, Currency ReportingCurrency);

/// <summary>A household's value on one date with the names its accounts and manual items are shown by.</summary>
public sealed record HouseholdValuation(HouseholdValue Value, IReadOnlyDictionary<Guid, Account> Accounts, IReadOnlyDictionary<Guid, string> ManualNames);

/// <summary>
/// Portfolio reads (positions, valuation on a date, the net-worth series) for both front doors, answered from the
/// read model (<see cref="HouseholdReports"/>), and the version a cache of their answers keys on.
/// A null answer means the household does not exist.
/// </summary>
public sealed class PortfolioReads(GlidepathDbContext db, HouseholdReports reports)
{
    /// <summary>
    /// The versions of a current read model, in one indexed query; null when the household's series was never
    /// projected or is stale (the read then recomputes it, and its answer must not be cached under an old version).
    /// Read before the data: an answer computed afterwards is at least as new as the version it is cached under.
    /// Reads ask it through <see cref="ReadVersionGate"/>, which shares one lookup among a household's concurrent reads.
    /// </summary>
    internal static async Task<ReadVersion?> CurrentVersionAsync(GlidepathDbContext db, Guid householdId, CancellationToken ct)
    {
        var row = await (
                from s in db.ValuationSeriesStates
                join h in db.Households on s.HouseholdId equals h.Id
                where s.HouseholdId == householdId && s.StaleFrom == null
                select new { s.Version, Shared = db.SharedDataVersions.Where(v => v.Id == 1).Select(v => v.Version).FirstOrDefault(), h.ReportingCurrency })
            .AsNoTracking()
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new ReadVersion(row.Version, row.Shared, row.ReportingCurrency);
    }

    /// <summary>The household's reporting currency (USD when the household is unknown: the read answers 404 anyway).</summary>
    public async Task<Currency> ReportingCurrencyAsync(Guid householdId, CancellationToken ct) =>
        await db.Households.Where(h => h.Id == householdId).Select(h => (Currency?)h.ReportingCurrency).FirstOrDefaultAsync(ct) ?? Currency.Usd;

    public Task<PositionsReport?> PositionsAsync(Guid householdId, DateOnly asOf, CancellationToken ct) =>
        reports.PositionsAsync(householdId, asOf, ct: ct);

    public Task<Result<NetWorthSeries>?> NetWorthAsync(Guid householdId, DateOnly from, DateOnly to, Currency currency, CancellationToken ct) =>
        reports.NetWorthAsync(householdId, from, to, currency, ct);

    /// <summary>One account's value at the close of every day (its positions and cash); the account must be the household's.</summary>
    public async Task<Result<NetWorthSeries>?> AccountValuesAsync(Guid householdId, Guid accountId, DateOnly from, DateOnly to, Currency currency, CancellationToken ct)
    {
        if (!await db.Accounts.AnyAsync(a => a.Id == accountId && a.HouseholdId == householdId, ct))
        {
            if (!await db.Households.AnyAsync(h => h.Id == householdId, ct))
            {
                return null;
            }

            return HouseholdAccounts.NotFound(accountId);
        }

        return await reports.AccountValueSeriesAsync(householdId, accountId, from, to, currency, ct);
    }

    /// <summary>Every account and manual item valued in <paramref name="currency"/> at the close of <paramref name="date"/>, with their names.</summary>
    public async Task<Result<HouseholdValuation>?> ValuationAsync(Guid householdId, DateOnly date, Currency currency, CancellationToken ct)
    {
        var valued = await reports.ValuationAsync(householdId, date, currency, ct);
        if (valued is null)
        {
            return null;
        }

        if (!valued.TryGet(out var value, out var problem))
        {
            return problem;
        }

        var accounts = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId).ToDictionaryAsync(a => a.Id, ct);
        var manual = await db.ManualAssets.AsNoTracking().Where(m => m.HouseholdId == householdId).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        return Result.Ok(new HouseholdValuation(value, accounts, manual));
    }
}
