using Glidepath.Domain.Currencies;
using Glidepath.Domain.Valuation;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Reporting;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;
using Microsoft.EntityFrameworkCore;
using Glidepath.Server.Protection;

namespace Glidepath.Server.Valuation;

/// <summary><c>/valuation?date=&amp;currency=</c> and <c>/net-worth?from=&amp;to=&amp;currency=</c> of a household.</summary>
public static class ValuationEndpoints
{
    /// <summary>A daily series longer than this is refused rather than computed for minutes.</summary>
    private const int MaxSeriesDays = 366 * 50;

    public static RouteGroupBuilder MapValuationEndpoints(this RouteGroupBuilder household)
    {
        household.MapGet("/valuation", Valuation).WithTags("Valuation").CostsReads();
        household.MapGet("/net-worth", NetWorth).WithTags("Valuation").ProducesProblem(StatusCodes.Status422UnprocessableEntity).CostsReads();
        return household;
    }

    private static async Task<Results<Ok<ValuationDto>, NotFoundProblem, ValidationProblem, UnprocessableProblem>> Valuation(
        Guid householdId, DateOnly? date, string? currency, HouseholdReports reports, GlidepathDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var reporting = await ReportingCurrencyAsync(db, householdId, currency, ct);
        if (reporting is null)
        {
            return ValidationErrors.Single("currency", $"'{currency}' is not a supported ISO-4217 currency code.");
        }

        var day = date ?? clock.Today();
        var valued = await reports.ValuationAsync(householdId, day, reporting.Value, ct);
        if (valued is null)
        {
            return HouseholdScope.HouseholdNotFound(householdId);
        }

        if (!valued.Succeeded)
        {
            return Refused(valued.Errors);
        }

        var accounts = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId).ToDictionaryAsync(a => a.Id, ct);
        var manual = await db.ManualAssets.AsNoTracking().Where(m => m.HouseholdId == householdId).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        return TypedResults.Ok(valued.Value!.ToDto(accounts, manual));
    }

    /// <summary>Net worth at the close of every calendar day; <c>to</c> defaults to today and <c>from</c> to a year before it.</summary>
    private static async Task<Results<Ok<NetWorthDto>, NotFoundProblem, ValidationProblem, UnprocessableProblem>> NetWorth(
        Guid householdId, DateOnly? from, DateOnly? to, string? currency, HouseholdReports reports, GlidepathDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var end = to ?? clock.Today();
        var start = from ?? end.AddYears(-1);
        var errors = new ValidationErrors()
            .Check(start <= end, "to", "The range ends before it starts.")
            .Check(end.DayNumber - start.DayNumber < MaxSeriesDays, "from", "The range is longer than 50 years.");
        var reporting = await ReportingCurrencyAsync(db, householdId, currency, ct);
        errors.Check(reporting is not null, "currency", $"'{currency}' is not a supported ISO-4217 currency code.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var series = await reports.NetWorthAsync(householdId, start, end, reporting!.Value, ct);
        if (series is null)
        {
            return HouseholdScope.HouseholdNotFound(householdId);
        }

        return series.Succeeded ? TypedResults.Ok(series.Value!.ToDto(start, end)) : Refused(series.Errors);
    }

    /// <summary>The asked currency, else the household's reporting currency; null when the asked one is not a currency.</summary>
    private static async Task<Currency?> ReportingCurrencyAsync(GlidepathDbContext db, Guid householdId, string? asked, CancellationToken ct)
    {
        if (asked is not null)
        {
            return Currency.TryParse(asked, out var parsed) ? parsed : null;
        }

        return await db.Households.Where(h => h.Id == householdId).Select(h => (Currency?)h.ReportingCurrency).FirstOrDefaultAsync(ct) ?? Currency.Usd;
    }

    /// <summary>A missing price or FX rate: the request is fine, the data cannot answer it.</summary>
    private static UnprocessableProblem Refused(IReadOnlyList<ValuationError> errors) =>
        new(errors.Select(e => e.Code).Distinct(StringComparer.Ordinal).Count() == 1 ? errors[0].Code : "valuation-failed",
            errors[0].Message,
            [.. errors.Select(e => new ProblemItem(e.Code, e.Message))]);
}
