using Glidepath.Application.Accounts;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Import.Prices;
using Glidepath.Infrastructure.Import.Transactions;
using Glidepath.Server.Accounts;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;
using Glidepath.Server.Instruments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Imports;

/// <summary>
/// CSV imports: <c>/api/households/{householdId}/imports/transactions?accountId=&amp;skipInvalid=</c>,
/// <c>/api/households/{householdId}/imports/prices?symbol=&amp;skipInvalid=</c> (the household's private
/// instruments) and <c>/api/imports/prices?symbol=&amp;skipInvalid=</c> (shared reference data, operators
/// only). Symbols a household's file names that it cannot use yet become instruments private to it
/// (Unclassified, within Glidepath:Instruments' caps). The file comes as a multipart upload or as the
/// raw body (text/csv). A rejected file writes nothing and answers 422 with every row, column and reason.
/// </summary>
public static class ImportEndpoints
{
    public static RouteGroupBuilder MapTransactionImportEndpoints(this RouteGroupBuilder household)
    {
        household.MapPost("/imports/transactions", ImportTransactions).WithTags("Imports").AcceptsCsv()
            .WithDescription("Imports one account's broker statement. The layout is detected from the file (or forced with layout=NAME, docs/import.md) "
                + "and named in the answer. Rows the layout does not import reject the file unless skipUnmapped=true, which lists them instead. "
                + "openingLot=SYMBOL:yyyy-MM-dd:QUANTITY[:COST] (repeatable) books holdings bought before the file starts. A multipart form may carry a "
                + "'mapping' field (column mapping JSON, docs/import.md) to read a file no preset knows; dryRun=true previews the rows and errors and writes nothing.");
        household.MapPost("/imports/prices", ImportHouseholdPrices).WithTags("Imports").AcceptsCsv();
        household.MapPost("/imports/statement", ImportStatement).WithTags("Imports")
            .Accepts<string>("application/x-ofx", "application/vnd.intu.qfx", "application/qif", "text/plain", "multipart/form-data")
            .WithName("ImportStatement").WithSummary("Import a bank, card or broker statement (OFX, QFX, QIF)")
            .WithDescription("Books one account's OFX 1.x/2.x, QFX or QIF statement all or nothing (docs/statements.md). Transactions are de-duplicated by "
                + "FITID; a row that looks like a stored one (same amount, dates at most 3 days apart, similar payee) is listed in possibleDuplicates and the "
                + "import is refused until each is decided: skipRow=N (the same transaction, not imported) or keepRow=N (a new one), both repeatable. "
                + "dryRun=true previews the rows, their categories and the possible duplicates and writes nothing.");
        return household;
    }

    public static IEndpointRouteBuilder MapPriceImportEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/imports/prices", ImportPrices).WithTags("Imports").AcceptsCsv().RequireAuthorization(AuthPolicies.ReferenceDataWriter);
        return api;
    }

    private static async Task<Results<Ok<ImportResultDto>, NotFoundProblem, ValidationProblem, UnprocessableProblem>> ImportTransactions(
        Guid householdId, Guid? accountId, bool? skipInvalid, bool? skipUnmapped, bool? dryRun, string? layout, [FromQuery] string[]? openingLot, HttpRequest request, HouseholdAccounts accounts, TransactionImporter importer,
        IOptions<InstrumentLimits> limits, CancellationToken ct)
    {
        if (accountId is not { } id)
        {
            return ValidationErrors.Single("accountId", "Name the account the file belongs to.");
        }

        if (!(await accounts.GetAsync(householdId, id, ct)).Succeeded)
        {
            return AccountEndpoints.NotFound(id);
        }

        var lots = new List<OpeningLot>();
        foreach (var text in openingLot ?? [])
        {
            if (OpeningLot.Parse(text) is not { } lot)
            {
                return ValidationErrors.Single("openingLot", $"'{text}' is not an opening lot: {OpeningLot.Format} (no COST: unknown basis).");
            }

            lots.Add(lot);
        }

        ColumnMapping? mapping = null;
        if (await CsvBody.FormFieldAsync(request, "mapping", ct) is { } json)
        {
            var (read, error) = ColumnMapping.FromJson(json);
            if (read is null)
            {
                return ValidationErrors.Single("mapping", error!);
            }

            mapping = read;
        }

        await using var csv = await CsvBody.OpenAsync(request, ct);
        if (csv is null)
        {
            return CsvBody.Missing();
        }

        var options = limits.Value.ForHousehold(householdId, skipInvalid ?? false) with
        {
            SkipUnmapped = skipUnmapped ?? false,
            Layout = layout,
            OpeningLots = lots,
            Mapping = mapping,
            DryRun = dryRun ?? false,
        };
        var result = await importer.ImportAsync(id, csv, options, ct);
        return result.Rejected ? Rejected(result) : TypedResults.Ok(result.ToDto());
    }

    private static async Task<Results<Ok<ImportResultDto>, NotFoundProblem, ValidationProblem, UnprocessableProblem>> ImportStatement(
        Guid householdId, Guid? accountId, bool? dryRun, bool? skipUnmapped, [FromQuery] int[]? skipRow, [FromQuery] int[]? keepRow, [FromQuery] string[]? openingLot,
        HttpRequest request, HouseholdAccounts accounts, TransactionImporter importer, IOptions<InstrumentLimits> limits, CancellationToken ct)
    {
        if (accountId is not { } id)
        {
            return ValidationErrors.Single("accountId", "Name the account the statement belongs to.");
        }

        if (!(await accounts.GetAsync(householdId, id, ct)).Succeeded)
        {
            return AccountEndpoints.NotFound(id);
        }

        if ((skipRow ?? []).Intersect(keepRow ?? []).FirstOrDefault() is var both and > 0)
        {
            return ValidationErrors.Single("keepRow", $"Row {both} is both skipped and kept: decide one.");
        }

        var lots = new List<OpeningLot>();
        foreach (var text in openingLot ?? [])
        {
            if (OpeningLot.Parse(text) is not { } lot)
            {
                return ValidationErrors.Single("openingLot", $"'{text}' is not an opening lot: {OpeningLot.Format} (no COST: unknown basis).");
            }

            lots.Add(lot);
        }

        await using var file = await CsvBody.OpenAsync(request, ct);
        if (file is null)
        {
            return ValidationErrors.Single("file", "Send the statement as the request body or as a multipart file.");
        }

        var options = limits.Value.ForHousehold(householdId, skipInvalid: false) with
        {
            Statement = true,
            DryRun = dryRun ?? false,
            SkipUnmapped = skipUnmapped ?? false,
            SkipRows = (skipRow ?? []).ToHashSet(),
            KeepRows = (keepRow ?? []).ToHashSet(),
            OpeningLots = lots,
        };
        var result = await importer.ImportAsync(id, file, options, ct);
        return result.Rejected ? Rejected(result) : TypedResults.Ok(result.ToDto());
    }

    /// <summary>Closes for the household's private instruments; a shared symbol in the file is an error (operators keep those).</summary>
    private static async Task<Results<Ok<ImportResultDto>, ValidationProblem, UnprocessableProblem>> ImportHouseholdPrices(
        Guid householdId, string? symbol, bool? skipInvalid, HttpRequest request, PriceImporter importer, IOptions<InstrumentLimits> limits, CancellationToken ct)
    {
        await using var csv = await CsvBody.OpenAsync(request, ct);
        if (csv is null)
        {
            return CsvBody.Missing();
        }

        var result = await importer.ImportAsync(csv, symbol, limits.Value.ForHousehold(householdId, skipInvalid ?? false), ct);
        return result.Rejected ? Rejected(result) : TypedResults.Ok(result.ToDto());
    }

    /// <summary>Closes for the shared instruments: reference data, for holders of write:reference-data only.</summary>
    private static async Task<Results<Ok<ImportResultDto>, ValidationProblem, UnprocessableProblem>> ImportPrices(
        string? symbol, bool? skipInvalid, HttpRequest request, PriceImporter importer, CancellationToken ct)
    {
        await using var csv = await CsvBody.OpenAsync(request, ct);
        if (csv is null)
        {
            return CsvBody.Missing();
        }

        var result = await importer.ImportAsync(csv, symbol, new ImportOptions { SkipInvalid = skipInvalid ?? false }, ct);
        return result.Rejected ? Rejected(result) : TypedResults.Ok(result.ToDto());
    }

    private static UnprocessableProblem Rejected(ImportResult result) => new(
        ErrorCodes.ImportRejected,
        result.Errors.Count == 0
            ? "The file was rejected and nothing was imported."
            : $"The file was rejected and nothing was imported: {result.Errors.Count} error(s), the first at {result.Errors[0]}.",
        [
            .. result.Errors.Select(e => new ProblemItem(ErrorCodes.ImportRejected, e.Reason, e.Row, e.Column)),
            .. result.OpeningLotsNeeded.Select(n => new ProblemItem(
                ErrorCodes.ImportRejected,
                FormattableString.Invariant($"Opening lot needed: {n.Quantity} {n.Symbol} held before {n.Before:yyyy-MM-dd} (sold before the file bought them)."),
                0,
                n.Symbol)),
        ]);

    private static RouteHandlerBuilder AcceptsCsv(this RouteHandlerBuilder endpoint) =>
        endpoint.Accepts<string>("text/csv", "multipart/form-data");
}
