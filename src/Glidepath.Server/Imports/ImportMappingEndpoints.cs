using Glidepath.Application.Imports;
using Glidepath.Infrastructure.Import.Transactions;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;

namespace Glidepath.Server.Imports;

/// <summary>
/// <c>/api/accounts/{accountId}/import-mapping</c>: the account's saved column mapping (docs/import.md, "Saved
/// mappings"), the JSON the CLI's <c>--mapping FILE</c> reads; onto <see cref="AccountImportMappings"/>.
/// </summary>
public static class ImportMappingEndpoints
{
    public static RouteGroupBuilder MapAccountImportMappingEndpoints(this RouteGroupBuilder account)
    {
        var mapping = account.MapGroup("/import-mapping").WithTags("Imports");
        mapping.MapGet("/", Get).WithName("GetAccountImportMapping")
            .WithSummary("Get the account's saved import mapping")
            .WithDescription("The column mapping saved for this account's CSV files (docs/import.md): the same JSON the CLI reads with --mapping FILE. 204 (no body) when none is saved.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        mapping.MapPut("/", Put).WithName("SaveAccountImportMapping")
            .WithSummary("Save the account's import mapping")
            .WithDescription("Creates or replaces the account's column mapping after checking it as an import would (columns of the date and action, at least one action word, no transfers, a date format that names a day).")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        mapping.MapDelete("/", Delete).WithName("DeleteAccountImportMapping")
            .WithSummary("Forget the account's import mapping")
            .WithDescription("Deletes the account's saved column mapping; the account's transactions are untouched.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return account;
    }

    private static async Task<Results<Ok<ColumnMapping>, NoContent>> Get(Guid accountId, HttpContext http, AccountImportMappings mappings, CancellationToken ct) =>
        await mappings.GetAsync(AccountScope.HouseholdOf(http), accountId, ct) is { } mapping ? TypedResults.Ok(mapping) : TypedResults.NoContent();

    private static async Task<Results<Ok<ColumnMapping>, ProblemAnswer>> Put(Guid accountId, ColumnMapping mapping, HttpContext http, AccountImportMappings mappings, CancellationToken ct) =>
        (await mappings.PutAsync(AccountScope.HouseholdOf(http), accountId, mapping, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<NoContent, ProblemAnswer>> Delete(Guid accountId, HttpContext http, AccountImportMappings mappings, CancellationToken ct) =>
        (await mappings.DeleteAsync(AccountScope.HouseholdOf(http), accountId, ct)).ToHttp(_ => TypedResults.NoContent());
}
