using Glidepath.Application.Fx;
using Glidepath.Domain.Currencies;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Import.Fx;
using Glidepath.Infrastructure.Reporting;
using Glidepath.Server.Api;
using Glidepath.Server.Auth;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;
using Glidepath.Server.Imports;

namespace Glidepath.Server.Fx;

/// <summary>A rate: <paramref name="Rate"/> units of <paramref name="Quote"/> per unit of <paramref name="Base"/> at <paramref name="Date"/>'s close.</summary>
public sealed record FxRateDto(DateOnly Date, string Base, string Quote, decimal Rate);

/// <summary>The pairs valuing the household in <paramref name="Currency"/> lacks, each needed from <see cref="MissingFxPairDto.From"/>.</summary>
public sealed record FxCoverageDto(string Currency, IReadOnlyList<MissingFxPairDto> Missing);

public sealed record MissingFxPairDto(string Pair, string Base, string Quote, DateOnly From);

/// <summary>
/// FX rates. Shared rates (every household sees them) are reference data: only an admin writes them,
/// through <c>POST /api/admin/fx-rates/import</c> or the operator's <c>glidepath import fx</c>. A
/// household enters the rates it needs as its own: <c>/api/households/{householdId}/fx-rates</c>
/// (list, upsert one, delete one, import a CSV), used for it alone and winning over a shared rate
/// on the same pair and date. <c>fx-rates/missing?currency=</c> says which pairs a switch of
/// reporting currency would lack (docs/server-and-cli.md, "FX rates").
/// </summary>
public static class FxRateEndpoints
{
    public static RouteGroupBuilder MapFxRateEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/fx-rates").WithTags("FX rates");
        group.MapGet("/", List);
        group.MapPut("/", Upsert).ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapDelete("/{base}/{quote}/{date}", Delete).ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/import", Import).Accepts<string>("text/csv", "multipart/form-data");
        group.MapGet("/missing", Missing);
        return household;
    }

    public static IEndpointRouteBuilder MapSharedFxRateEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/fx-rates", Shared).WithTags("FX rates");
        api.MapPost("/admin/fx-rates/import", ImportShared).WithTags("Admin").Accepts<string>("text/csv", "multipart/form-data")
            .RequireAuthorization(AuthPolicies.Admin);
        return api;
    }

    private static async Task<Ok<List<FxRateDto>>> List(Guid householdId, HouseholdFxRates rates, CancellationToken ct) =>
        TypedResults.Ok((await rates.ListAsync(householdId, ct)).Select(r => new FxRateDto(r.Date, r.Base.Code, r.Quote.Code, r.Rate)).ToList());

    /// <summary>The latest shared rate of each pair on or before <paramref name="date"/> (default today): what every household sees.</summary>
    private static async Task<Ok<List<FxRateDto>>> Shared(DateOnly? date, HouseholdFxRates rates, CancellationToken ct) =>
        TypedResults.Ok((await rates.SharedAsync(date, ct)).Select(r => new FxRateDto(r.Date, r.Base.Code, r.Quote.Code, r.Rate)).ToList());

    private static async Task<Results<Ok<FxRateDto>, ProblemAnswer>> Upsert(Guid householdId, FxRateRequest request, HouseholdFxRates rates, CancellationToken ct) =>
        (await rates.UpsertAsync(householdId, request, ct)).ToHttp(r => TypedResults.Ok(new FxRateDto(r.Date, r.Base.Code, r.Quote.Code, r.Rate)));

    private static async Task<Results<NoContent, ProblemAnswer>> Delete(
        Guid householdId, string @base, string quote, DateOnly date, HouseholdFxRates rates, CancellationToken ct) =>
        (await rates.DeleteAsync(householdId, @base, quote, date, ct)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<Results<Ok<ImportResultDto>, ValidationProblem, UnprocessableProblem>> Import(
        Guid householdId, bool? skipInvalid, HttpRequest request, FxRateImporter importer, CancellationToken ct) =>
        await ImportAsync(householdId, skipInvalid, request, importer, ct);

    private static async Task<Results<Ok<ImportResultDto>, ValidationProblem, UnprocessableProblem>> ImportShared(
        bool? skipInvalid, HttpRequest request, FxRateImporter importer, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        var result = await ImportAsync(null, skipInvalid, request, importer, ct);
        if (result.Result is Ok<ImportResultDto> ok)
        {
            await audit.WriteAsync(AuditEvents.SharedFxRatesImported, http.User.UserId(), detail: $"{ok.Value!.Imported} written", ct: ct);
        }

        return result;
    }

    private static async Task<Results<Ok<FxCoverageDto>, NotFoundProblem, ValidationProblem>> Missing(
        Guid householdId, string? currency, HouseholdReports reports, TimeProvider clock, CancellationToken ct)
    {
        if (!Currency.TryParse(currency, out var target))
        {
            return ValidationErrors.Single("currency", $"'{currency}' is not a supported ISO-4217 currency code.");
        }

        var missing = await reports.MissingRatesAsync(householdId, target, clock.Today(), ct);
        return missing is null
            ? HouseholdScope.HouseholdNotFound(householdId)
            : TypedResults.Ok(new FxCoverageDto(target.Code, [.. missing.Select(m => new MissingFxPairDto(m.Pair, m.Base.Code, m.Quote.Code, m.Date))]));
    }

    private static async Task<Results<Ok<ImportResultDto>, ValidationProblem, UnprocessableProblem>> ImportAsync(
        Guid? householdId, bool? skipInvalid, HttpRequest request, FxRateImporter importer, CancellationToken ct)
    {
        await using var csv = await CsvBody.OpenAsync(request, ct);
        if (csv is null)
        {
            return CsvBody.Missing();
        }

        var result = await importer.ImportAsync(csv, householdId, new ImportOptions { SkipInvalid = skipInvalid ?? false }, ct);
        return result.Rejected
            ? new UnprocessableProblem(
                ErrorCodes.ImportRejected,
                $"The file was rejected and nothing was imported: {result.Errors.Count} error(s), the first at {result.Errors[0]}.",
                [.. result.Errors.Select(e => new ProblemItem(ErrorCodes.ImportRejected, e.Reason, e.Row, e.Column))])
            : TypedResults.Ok(result.ToDto());
    }
}
