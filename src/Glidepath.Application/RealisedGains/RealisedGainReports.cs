using Glidepath.Domain.Calendar;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.Results;
using Glidepath.Domain.TaxLots;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Infrastructure.Import.Transactions;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.RealisedGains;

/// <summary>
/// A household's realised gains from the ledger cache: by sale date over a range, or a tax year's with
/// the wash-sale column (and as Form 8949 CSV). Totals are the taxable accounts'; tax-advantaged
/// accounts' sales are listed and summed apart (docs/wash-sales.md).
/// </summary>
public sealed class RealisedGainReports(LedgerStore ledger, GlidepathDbContext db)
{
    public async Task<Result<RealisedGainsDto>> RangeAsync(Guid householdId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (from > to)
        {
            return Problem.Invalid("to", "The range ends before it starts.");
        }

        var gains = await ledger.GetRealisedGainsAsync(householdId, from, to, ct);
        var ids = gains.Select(g => g.InstrumentId).Distinct().ToList();
        var symbols = await db.Instruments.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Symbol, ct);
        var rows = ReportedGain.From(gains, await TaxableAccountsAsync(householdId, ct));
        var taxable = GainTotals.Of(rows.Where(r => r.Taxable));
        return new RealisedGainsDto(
            from,
            to,
            taxable.ShortTermGain,
            taxable.LongTermGain,
            GainTotalsDto.From(GainTotals.Of(rows.Where(r => !r.Taxable))),
            [.. rows.Select(r => RealisedGainDto.From(r, symbols))]);
    }

    public async Task<Result<RealizedGainsYearDto>> YearAsync(Guid householdId, int? year, CancellationToken ct)
    {
        if (YearProblem(year) is { } problem)
        {
            return problem;
        }

        var (gains, instruments) = await YearGainsAsync(householdId, year!.Value, ct);
        var symbols = instruments.ToDictionary(i => i.Id, i => i.Symbol);
        var rows = ReportedGain.From(gains, await TaxableAccountsAsync(householdId, ct));
        var taxable = GainTotals.Of(rows.Where(r => r.Taxable));
        return new RealizedGainsYearDto(
            year.Value,
            taxable.ShortTermGain,
            taxable.LongTermGain,
            taxable.DisallowedLoss,
            taxable.ReportableGain,
            GainTotalsDto.From(GainTotals.Of(rows.Where(r => !r.Taxable))),
            [.. rows.Select(r => RealisedGainDto.From(r, symbols))]);
    }

    /// <summary>The taxable accounts' gains of the tax year as Form 8949 CSV.</summary>
    public async Task<Result<string>> Form8949Async(Guid householdId, int? year, CancellationToken ct)
    {
        if (YearProblem(year) is { } problem)
        {
            return problem;
        }

        var (gains, instruments) = await YearGainsAsync(householdId, year!.Value, ct);
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId).ToListAsync(ct);
        var unknownBasis = await UnknownBasisLots.OfHouseholdAsync(db, householdId, ct);
        return Form8949Export.ToCsv(gains, year.Value, accounts, instruments, unknownBasis);
    }

    private static Problem? YearProblem(int? year) =>
        year is { } given && ValidDates.ContainsYear(given)
            ? null
            : Problem.Invalid("year", $"Give the tax year, e.g. ?year=2024 (dates are {ValidDates.Description}).");

    private async Task<(IReadOnlyList<RealisedGain> Gains, List<Instrument> Instruments)> YearGainsAsync(Guid householdId, int year, CancellationToken ct)
    {
        var gains = await ledger.GetRealisedGainsAsync(householdId, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), ct);
        var ids = gains.Select(g => g.InstrumentId).Distinct().ToList();
        return (gains, await db.Instruments.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct));
    }

    private async Task<IReadOnlySet<Guid>> TaxableAccountsAsync(Guid householdId, CancellationToken ct)
    {
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId).Select(a => new { a.Id, a.Type }).ToListAsync(ct);
        return accounts.Where(a => a.Type.IsTaxable()).Select(a => a.Id).ToHashSet();
    }
}
