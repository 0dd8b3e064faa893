using Glidepath.Domain.Calendar;
using Glidepath.Domain.Households;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.TaxLots;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;

namespace Glidepath.Server.RealisedGains;

/// <summary><c>/api/households/{householdId}/realised-gains?from=&amp;to=</c>: gains by sale date, split short and long term.</summary>
public static class RealisedGainEndpoints
{
    public static RouteGroupBuilder MapRealisedGainEndpoints(this RouteGroupBuilder household)
    {
        household.MapGet("/realised-gains", Get).WithTags("RealisedGains");
        household.MapGet("/realized-gains", GetYear).WithTags("RealisedGains")
            .Produces<RealizedGainsYearDto>(contentType: "application/json")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // A second Produces at 200 would replace the JSON schema, so the CSV answer is added beside it.
                if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content)
                {
                    content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                }

                return Task.CompletedTask;
            });
        return household;
    }

    private static async Task<Results<Ok<RealisedGainsDto>, ValidationProblem>> Get(
        Guid householdId, DateOnly? from, DateOnly? to, LedgerStore ledger, GlidepathDbContext db, CancellationToken ct)
    {
        if (from > to)
        {
            return ValidationErrors.Single("to", "The range ends before it starts.");
        }

        var gains = await ledger.GetRealisedGainsAsync(householdId, from, to, ct);
        var ids = gains.Select(g => g.InstrumentId).Distinct().ToList();
        var symbols = await db.Instruments.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Symbol, ct);
        var rows = ReportedGain.From(gains, await TaxableAccountsAsync(db, householdId, ct));
        var taxable = GainTotals.Of(rows.Where(r => r.Taxable));
        return TypedResults.Ok(new RealisedGainsDto(
            from,
            to,
            taxable.ShortTermGain,
            taxable.LongTermGain,
            GainTotalsDto.From(GainTotals.Of(rows.Where(r => !r.Taxable))),
            [.. rows.Select(r => RealisedGainDto.From(r, symbols))]));
    }

    private static async Task<IReadOnlySet<Guid>> TaxableAccountsAsync(GlidepathDbContext db, Guid householdId, CancellationToken ct)
    {
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId).Select(a => new { a.Id, a.Type }).ToListAsync(ct);
        return accounts.Where(a => a.Type.IsTaxable()).Select(a => a.Id).ToHashSet();
    }

    /// <summary>
    /// A tax year's gains with the wash-sale column (code W, disallowed loss). With <c>Accept: text/csv</c>
    /// the taxable accounts' gains as Form 8949 CSV (docs/wash-sales.md); JSON lists every account, totals the
    /// taxable ones and the tax-advantaged ones apart.
    /// </summary>
    private static async Task<IResult> GetYear(Guid householdId, int? year, HttpRequest request, LedgerStore ledger, GlidepathDbContext db, CancellationToken ct)
    {
        if (year is not { } given || !ValidDates.ContainsYear(given))
        {
            return ValidationErrors.Single("year", $"Give the tax year, e.g. ?year=2024 (dates are {ValidDates.Description}).");
        }

        var y = year.Value;
        var gains = await ledger.GetRealisedGainsAsync(householdId, new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), ct);
        var ids = gains.Select(g => g.InstrumentId).Distinct().ToList();
        var instruments = await db.Instruments.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        if (request.Headers.Accept.Any(a => a is not null && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase)))
        {
            var accounts = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId).ToListAsync(ct);
            return TypedResults.Text(Form8949Export.ToCsv(gains, y, accounts, instruments), "text/csv");
        }

        var symbols = instruments.ToDictionary(i => i.Id, i => i.Symbol);
        var rows = ReportedGain.From(gains, await TaxableAccountsAsync(db, householdId, ct));
        var taxable = GainTotals.Of(rows.Where(r => r.Taxable));
        return TypedResults.Ok(new RealizedGainsYearDto(
            y,
            taxable.ShortTermGain,
            taxable.LongTermGain,
            taxable.DisallowedLoss,
            taxable.ReportableGain,
            GainTotalsDto.From(GainTotals.Of(rows.Where(r => !r.Taxable))),
            [.. rows.Select(r => RealisedGainDto.From(r, symbols))]));
    }
}
