using Glidepath.Cli.Remote;
using Glidepath.Client.Generated;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Import.Transactions;
using Microsoft.Kiota.Abstractions;
using Api = Glidepath.Client.Generated.Models;

namespace Glidepath.Cli.Imports;

/// <summary>
/// <c>import transactions</c>, <c>import prices</c> and <c>import fx</c> with <c>--server</c>: the file goes to
/// ImportTransactions, ImportSharedPrices or ImportHouseholdFxRates / ImportSharedFxRates as the body (text/csv; a
/// multipart form when a column mapping goes with it), with an <c>Idempotency-Key</c> so that a retried request books
/// nothing twice. The answer maps back to the importer's own <see cref="ImportResult"/>, which the command prints as it
/// prints a local import.
/// </summary>
internal static class RemoteImports
{
    private const string IdempotencyHeader = "Idempotency-Key";

    public sealed record TransactionsRequest(
        Guid Account, Guid? Household, string? Layout, string? MappingJson, string[] OpeningLots, bool SkipInvalid, bool SkipUnmapped, bool DryRun, string IdempotencyKey);

    public static async Task<ImportResult> TransactionsAsync(IRequestAdapter adapter, TransactionsRequest request, Stream csv, string fileName, CancellationToken ct)
    {
        var client = new GlidepathApiClient(adapter);
        var household = request.Household ?? await HouseholdOfAsync(client, request.Account, ct);
        var info = client.Api.V1.Households[household].Imports.Transactions.ToPostRequestInformation("-", r =>
        {
            r.QueryParameters.AccountId = request.Account;
            r.QueryParameters.Layout = request.Layout;
            r.QueryParameters.OpeningLot = request.OpeningLots.Length == 0 ? null : request.OpeningLots;
            r.QueryParameters.SkipInvalid = request.SkipInvalid;
            r.QueryParameters.SkipUnmapped = request.SkipUnmapped;
            r.QueryParameters.DryRun = request.DryRun;
        });
        WithFile(adapter, info, csv, fileName, request.MappingJson);
        info.WithHeader(IdempotencyHeader, request.IdempotencyKey);
        return From(await adapter.SendAsync(info, Api.ImportResultDto.CreateFromDiscriminatorValue, ct));
    }

    public static async Task<ImportResult> SharedPricesAsync(IRequestAdapter adapter, string? symbol, bool skipInvalid, string idempotencyKey, Stream csv, string fileName, CancellationToken ct)
    {
        var info = new GlidepathApiClient(adapter).Api.V1.Imports.Prices.ToPostRequestInformation("-", r =>
        {
            r.QueryParameters.Symbol = symbol;
            r.QueryParameters.SkipInvalid = skipInvalid;
        });
        WithFile(adapter, info, csv, fileName, mappingJson: null);
        info.WithHeader(IdempotencyHeader, idempotencyKey);
        return From(await adapter.SendAsync(info, Api.ImportResultDto.CreateFromDiscriminatorValue, ct));
    }

    /// <summary>A household's own rates (ImportHouseholdFxRates) or, without one, the shared rates (ImportSharedFxRates, operators only).</summary>
    public static async Task<ImportResult> FxRatesAsync(IRequestAdapter adapter, Guid? household, bool skipInvalid, string idempotencyKey, Stream csv, string fileName, CancellationToken ct)
    {
        var client = new GlidepathApiClient(adapter);
        var info = household is { } id
            ? client.Api.V1.Households[id].FxRates.Import.ToPostRequestInformation("-", r => r.QueryParameters.SkipInvalid = skipInvalid)
            : client.Api.V1.Admin.FxRates.Import.ToPostRequestInformation("-", r => r.QueryParameters.SkipInvalid = skipInvalid);
        WithFile(adapter, info, csv, fileName, mappingJson: null);
        info.WithHeader(IdempotencyHeader, idempotencyKey);
        return From(await adapter.SendAsync(info, Api.ImportResultDto.CreateFromDiscriminatorValue, ct));
    }

    /// <summary>
    /// The generated builder declares the body as one multipart string; the server takes the raw CSV or a form whose
    /// first file is the CSV and whose <c>mapping</c> field is the column mapping.
    /// </summary>
    private static void WithFile(IRequestAdapter adapter, RequestInformation info, Stream csv, string fileName, string? mappingJson)
    {
        info.Headers.Remove("Content-Type");
        if (mappingJson is null)
        {
            info.SetStreamContent(csv, "text/csv");
            return;
        }

        var form = new MultipartBody();
        form.AddOrReplacePart("file", "text/csv", csv, fileName);
        form.AddOrReplacePart("mapping", "application/json", mappingJson);
        info.SetContentFromParsable(adapter, "multipart/form-data", form);
    }

    /// <summary>The household holding the account, among those the signed-in user reaches (404 as the server says it otherwise).</summary>
    private static async Task<Guid> HouseholdOfAsync(GlidepathApiClient client, Guid account, CancellationToken ct)
    {
        foreach (var household in await client.Api.V1.Households.GetAsync(cancellationToken: ct) ?? [])
        {
            var id = household.Id.Need("id");
            if ((await client.Api.V1.Households[id].Accounts.GetAsync(cancellationToken: ct) ?? []).Any(a => a.Id == account))
            {
                return id;
            }
        }

        throw new RemoteException($"account {account} is not in any household you reach on the server (give --household ID if it is).");
    }

    private static ImportResult From(Api.ImportResultDto dto) => new(
        dto.Layout.Need("layout"),
        dto.Imported.Need("imported"),
        dto.DuplicatesSkipped.Need("duplicatesSkipped"),
        [.. dto.Skipped.Need("skipped").Select(e => new ImportError(e.Row.Need("row"), e.Column, e.Reason.Need("reason")))],
        dto.CreatedInstruments.Need("createdInstruments"),
        Rejected: false)
    {
        Unmapped = [.. (dto.Unmapped ?? []).Select(u => new UnmappedRow(u.Row.Need("row"), u.Action.Need("action"), u.Reason.Need("reason")))],
        Preview = [.. (dto.Preview ?? []).Select(p => new PreviewRow(
            p.Row.Need("row"), p.Type.As<TransactionType>("type"), p.Date.Need("date"), p.Symbol, p.Quantity.Need("quantity"), p.Price.Need("price"),
            p.Fees.Need("fees"), p.Amount.Need("amount"), p.Currency.Need("currency")))],
    };
}
