using Glidepath.Application.Errors;
using Glidepath.Application.Validation;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Pricing;
using Glidepath.Domain.Results;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Fx;

public sealed record FxRateRequest(DateOnly? Date, string? Base, string? Quote, decimal? Rate);

/// <summary>
/// A household's own FX rates (used for it alone, winning over a shared rate on the same pair and
/// date) and the shared rates every household sees (docs/server-and-cli.md, "FX rates").
/// </summary>
public sealed class HouseholdFxRates(GlidepathDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<HouseholdFxRate>> ListAsync(Guid householdId, CancellationToken ct)
    {
        var rates = await db.HouseholdFxRates.AsNoTracking().Where(r => r.HouseholdId == householdId).ToListAsync(ct);
        return [.. rates.OrderBy(r => r.Base.Code, StringComparer.Ordinal).ThenBy(r => r.Quote.Code, StringComparer.Ordinal).ThenByDescending(r => r.Date)];
    }

    /// <summary>The latest shared rate of each pair on or before <paramref name="date"/> (default today).</summary>
    public async Task<IReadOnlyList<FxRate>> SharedAsync(DateOnly? date, CancellationToken ct)
    {
        var day = date ?? clock.Today();
        var rates = await db.FxRates.AsNoTracking().Where(r => r.Date <= day).ToListAsync(ct);
        return [.. rates.GroupBy(r => (r.Base, r.Quote)).Select(g => g.MaxBy(r => r.Date)!)
            .OrderBy(r => r.Base.Code, StringComparer.Ordinal).ThenBy(r => r.Quote.Code, StringComparer.Ordinal)];
    }

    /// <summary>Stores the household's rate for a pair and date, replacing the one it had.</summary>
    public async Task<Result<HouseholdFxRate>> UpsertAsync(Guid householdId, FxRateRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = clock.Today();
        var errors = new InputChecks()
            .Check(request.Date is not null, "date", "A date is required.")
            .Check(request.Date is null || request.Date <= today, "date", $"The date is after today ({today:yyyy-MM-dd}).")
            .Check(request.Rate is > 0m, "rate", "The rate must be a positive number (units of the quote currency per unit of the base).");
        var from = ParseCurrency(errors, "base", request.Base);
        var to = ParseCurrency(errors, "quote", request.Quote);
        errors.Check(from == default || to == default || from != to, "quote", "The two currencies must differ.");
        if (errors.Failed)
        {
            return errors.ToProblem();
        }

        var rate = new HouseholdFxRate(householdId, from, to, request.Date!.Value, request.Rate!.Value);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.HouseholdFxRates.Where(r => r.HouseholdId == householdId && r.Base == from && r.Quote == to && r.Date == rate.Date).ExecuteDeleteAsync(ct);
        db.HouseholdFxRates.Add(rate);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return rate;
    }

    public async Task<Result<bool>> DeleteAsync(Guid householdId, string @base, string quote, DateOnly date, CancellationToken ct)
    {
        var deleted = Currency.TryParse(@base, out var from) && Currency.TryParse(quote, out var to)
            ? await db.HouseholdFxRates.Where(r => r.HouseholdId == householdId && r.Base == from && r.Quote == to && r.Date == date).ExecuteDeleteAsync(ct)
            : 0;
        return deleted > 0 ? true : Problem.NotFound(ErrorCodes.FxRateNotFound, $"This household has no {@base}/{quote} rate on {date:yyyy-MM-dd}.");
    }

    private static Currency ParseCurrency(InputChecks errors, string field, string? code)
    {
        if (Currency.TryParse(code, out var currency))
        {
            return currency;
        }

        errors.Add(field, $"'{code}' is not a supported ISO-4217 currency code.");
        return default;
    }
}
