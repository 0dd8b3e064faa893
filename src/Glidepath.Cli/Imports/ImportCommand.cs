using System.CommandLine;
using Glidepath.Application.Imports;
using Glidepath.Cli.Hosting;
using Glidepath.Cli.Remote;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Import.Fx;
using Glidepath.Infrastructure.Import.Prices;
using Glidepath.Infrastructure.Import.Transactions;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Cli.Imports;

/// <summary>
/// <c>glidepath import transactions FILE --account ID [--skip-invalid] [--json]</c> and
/// <c>glidepath import prices FILE [--symbol SYM] [--skip-invalid] [--json]</c> and
/// <c>glidepath import fx FILE [--household ID] [--skip-invalid] [--json]</c>. A rejected file
/// writes nothing, prints its first error on one line and exits 1.
/// </summary>
public static class ImportCommand
{
    public static Command Create(CliEnvironment env, RemoteServer remote)
    {
        var command = new Command("import", "Import transactions or prices from a CSV file (layouts: docs/import.md).");
        command.Subcommands.Add(Transactions(env, remote));
        command.Subcommands.Add(Prices(env, remote));
        command.Subcommands.Add(Fx(env, remote));
        command.Subcommands.Add(Statement(env, remote));
        return command;
    }

    /// <summary>
    /// <c>glidepath import statement FILE --account ID [--dry-run] [--skip-row N]… [--keep-row N]… [--json]</c>: an OFX, QFX or QIF
    /// statement (docs/statements.md). Rows that look like stored ones refuse the import until each is skipped or kept.
    /// </summary>
    private static Command Statement(CliEnvironment env, RemoteServer remote)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The OFX, QFX or QIF statement." };
        var account = new Option<Guid>("--account") { Description = "The account the statement belongs to.", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read, check and replay everything, print the rows and the possible duplicates, write nothing." };
        var skipRows = new Option<int[]>("--skip-row") { Description = "A row listed as a possible duplicate that IS the stored transaction: not imported. Repeat for several.", AllowMultipleArgumentsPerToken = false };
        var keepRows = new Option<int[]>("--keep-row") { Description = "A row listed as a possible duplicate that is a new transaction: imported. Repeat for several.", AllowMultipleArgumentsPerToken = false };
        var skipUnmapped = new Option<bool>("--skip-unmapped") { Description = "Leave out the rows the format's mapping does not import (options, journals…), listing each with its reason." };
        var openingLots = new Option<string[]>("--opening-lot") { Description = "A holding bought before the statement starts, SYMBOL:yyyy-MM-dd:QUANTITY[:COST]. Repeat for several.", AllowMultipleArgumentsPerToken = false };
        var json = CliOptions.Json();
        var command = new Command("statement", "Import one account's bank, card or broker statement: OFX 1.x/2.x, QFX or QIF (docs/statements.md); a re-import adds nothing.")
        {
            file, account, dryRun, skipRows, keepRows, skipUnmapped, openingLots, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (remote.Address(parse) is not null)
            {
                return env.Fail(ExitCodes.Usage, "import statement works on the database directly; with a server, POST the file to /api/households/{id}/imports/statement.");
            }

            var lots = new List<OpeningLot>();
            foreach (var text in parse.GetValue(openingLots) ?? [])
            {
                if (OpeningLot.Parse(text) is not { } lot)
                {
                    return env.Fail(ExitCodes.Usage, $"--opening-lot '{text}': expected {OpeningLot.Format}.");
                }

                lots.Add(lot);
            }

            var skip = (parse.GetValue(skipRows) ?? []).ToHashSet();
            var keep = (parse.GetValue(keepRows) ?? []).ToHashSet();
            if (skip.Intersect(keep).FirstOrDefault() is var both and > 0)
            {
                return env.Fail(ExitCodes.Usage, $"row {both} is both --skip-row and --keep-row: decide one.");
            }

            var options = new ImportOptions
            {
                Statement = true,
                DryRun = parse.GetValue(dryRun),
                SkipUnmapped = parse.GetValue(skipUnmapped),
                SkipRows = skip,
                KeepRows = keep,
                OpeningLots = lots,
            };
            var path = parse.GetRequiredValue(file);
            if (!path.Exists)
            {
                return env.Fail(ExitCodes.Failure, $"{path.FullName}: no such file.");
            }

            await using var services = await CliDatabase.OpenAsync(env, ct);
            await using var scope = services.CreateAsyncScope();
            await using var stream = path.OpenRead();
            var result = await scope.ServiceProvider.GetRequiredService<TransactionImporter>().ImportAsync(parse.GetValue(account), stream, options, ct);
            foreach (var candidate in result.PossibleDuplicates)
            {
                env.Error.WriteLine(FormattableString.Invariant(
                    $"  possible duplicate: row {candidate.Row} {candidate.Date:yyyy-MM-dd} {candidate.Type} {candidate.Amount} '{candidate.Memo}' looks like {candidate.ExistingDate:yyyy-MM-dd} '{candidate.ExistingMemo}' (--skip-row {candidate.Row} or --keep-row {candidate.Row})"));
            }

            if (result.Rejected)
            {
                var more = result.Errors.Count > 1 ? $" (and {result.Errors.Count - 1} more)" : "";
                var first = result.Errors.Count > 0 ? result.Errors[0].ToString() : "rejected";
                return env.Fail(ExitCodes.Failure, $"{path.Name} rejected ({result.Layout}), nothing imported: {first}{more}.");
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(env.Out, StatementImportOutput.From(path.Name, result));
                return ExitCodes.Success;
            }

            env.Out.WriteLine(ImportOutput.From(path.Name, result).Summary);
            foreach (var row in result.Preview)
            {
                env.Out.WriteLine(FormattableString.Invariant(
                    $"  would book row {row.Row}: {row.Date:yyyy-MM-dd} {row.Type} {row.Symbol} {row.Amount} {row.Currency} '{row.Memo}'{(row.Category is null ? "" : " category " + row.Category)}"));
            }

            if (options.DryRun)
            {
                env.Out.WriteLine("  dry run: nothing was written.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Transactions(CliEnvironment env, RemoteServer remote)
    {
        var file = FileArgument();
        var account = new Option<Guid>("--account") { Description = "The account the file belongs to.", Required = true };
        var skipInvalid = SkipInvalid();
        var layout = new Option<string?>("--layout") { Description = "Read the file with this layout instead of detecting it: " + string.Join(", ", TransactionImporter.Layouts) + "." };
        var skipUnmapped = new Option<bool>("--skip-unmapped") { Description = "Leave out the rows the layout does not import (journals, option events, unknown actions), listing each with its reason." };
        var openingLots = new Option<string[]>("--opening-lot")
        {
            Description = "A holding bought before the file starts, SYMBOL:yyyy-MM-dd:QUANTITY[:COST] (no COST: unknown basis). Repeat for several.",
            AllowMultipleArgumentsPerToken = false,
        };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "Read a file no preset knows through this column mapping (JSON, docs/import.md \"Column mappings\"); without it such a file is read with the account's saved mapping, if any." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check and map every row, then write nothing." };
        var json = CliOptions.Json();
        var household = new Option<Guid?>("--household") { Description = "With --server: the account's household (default: found among the households the user reaches)." };
        var key = IdempotencyKey();
        var command = new Command("transactions", "Import one account's broker statement (layout detected and named; docs/import.md); a re-import adds nothing.")
        {
            file, account, layout, mapping, skipInvalid, skipUnmapped, openingLots, dryRun, json, household, key,
        };
        command.SetAction((parse, ct) =>
        {
            var lots = new List<OpeningLot>();
            foreach (var text in parse.GetValue(openingLots) ?? [])
            {
                if (OpeningLot.Parse(text) is not { } lot)
                {
                    return Task.FromResult(env.Fail(ExitCodes.Usage, $"--opening-lot '{text}': expected {OpeningLot.Format}."));
                }

                lots.Add(lot);
            }

            ColumnMapping? columns = null;
            string? mappingJson = null;
            if (parse.GetValue(mapping) is { } mappingFile)
            {
                if (!mappingFile.Exists)
                {
                    return Task.FromResult(env.Fail(ExitCodes.Failure, $"{mappingFile.FullName}: no such file."));
                }

                mappingJson = File.ReadAllText(mappingFile.FullName);
                var (read, error) = ColumnMapping.FromJson(mappingJson);
                if (read is null)
                {
                    return Task.FromResult(env.Fail(ExitCodes.Failure, $"{mappingFile.Name}: {error}"));
                }

                columns = read;
            }

            if (remote.Address(parse) is { } server)
            {
                var request = new RemoteImports.TransactionsRequest(
                    parse.GetValue(account), parse.GetValue(household), parse.GetValue(layout), mappingJson, [.. parse.GetValue(openingLots) ?? []],
                    parse.GetValue(skipInvalid), parse.GetValue(skipUnmapped), parse.GetValue(dryRun), parse.GetValue(key) ?? Guid.NewGuid().ToString());
                return RunRemoteAsync(env, parse.GetRequiredValue(file), parse.GetValue(json), (csv, name) => RemoteImports.TransactionsAsync(remote.Adapter(server), request, csv, name, ct), ct);
            }

            var options = new ImportOptions
            {
                SkipInvalid = parse.GetValue(skipInvalid),
                SkipUnmapped = parse.GetValue(skipUnmapped),
                Layout = parse.GetValue(layout),
                OpeningLots = lots,
                Mapping = columns,
                DryRun = parse.GetValue(dryRun),
            };
            return RunAsync(env, parse.GetRequiredValue(file), parse.GetValue(json), async (services, csv) =>
            {
                var accountId = parse.GetValue(account);
                if (options is { Mapping: null, Layout: null })
                {
                    // A file no preset detects is read with the mapping saved for the account (the web wizard's), if any.
                    options = options with { FallbackMapping = await SavedMappingAsync(services, accountId, ct) };
                }

                var result = await services.GetRequiredService<TransactionImporter>().ImportAsync(accountId, csv, options, ct);
                if (options.FallbackMapping is not null && result.Layout == "mapping")
                {
                    env.Error.WriteLine("using the mapping saved for this account");
                }

                return result;
            }, ct);
        });
        return command;
    }

    private static async Task<ColumnMapping?> SavedMappingAsync(IServiceProvider services, Guid accountId, CancellationToken ct)
    {
        var householdId = await services.GetRequiredService<GlidepathDbContext>().Accounts
            .Where(a => a.Id == accountId).Select(a => (Guid?)a.HouseholdId).FirstOrDefaultAsync(ct);
        return householdId is { } id ? await services.GetRequiredService<AccountImportMappings>().GetAsync(id, accountId, ct) : null;
    }

    private static Command Prices(CliEnvironment env, RemoteServer remote)
    {
        var file = FileArgument();
        var symbol = new Option<string?>("--symbol") { Description = "The instrument of a one-instrument Date,Open,High,Low,Close,… file." };
        var skipInvalid = SkipInvalid();
        var json = CliOptions.Json();
        var key = IdempotencyKey();
        var command = new Command("prices", "Import daily closes: Date,Open,High,Low,Close,Adj Close,Volume (with --symbol) or Date,<SYMBOL>,<SYMBOL>…")
        {
            file, symbol, skipInvalid, json, key,
        };
        command.SetAction((parse, ct) => remote.Address(parse) is { } server
            ? RunRemoteAsync(env, parse.GetRequiredValue(file), parse.GetValue(json), (csv, name) => RemoteImports.SharedPricesAsync(
                remote.Adapter(server), parse.GetValue(symbol), parse.GetValue(skipInvalid), parse.GetValue(key) ?? Guid.NewGuid().ToString(), csv, name, ct), ct)
            : RunAsync(env, parse.GetRequiredValue(file), parse.GetValue(json), (services, csv) =>
            services.GetRequiredService<PriceImporter>().ImportAsync(
                csv, parse.GetValue(symbol), new ImportOptions { SkipInvalid = parse.GetValue(skipInvalid) }, ct), ct));
        return command;
    }

    /// <summary>Shared rates (the operator writes reference data) or, with --household, that household's own.</summary>
    private static Command Fx(CliEnvironment env, RemoteServer remote)
    {
        var file = FileArgument();
        var household = new Option<Guid?>("--household") { Description = "Store the rates as this household's own (used for it alone) instead of as shared rates." };
        var skipInvalid = SkipInvalid();
        var json = CliOptions.Json();
        var key = IdempotencyKey();
        var command = new Command("fx", "Import FX rates: Date,Base,Quote,Rate (Rate = units of Quote per unit of Base).")
        {
            file, household, skipInvalid, json, key,
        };
        command.SetAction((parse, ct) => remote.Address(parse) is { } server
            ? RunRemoteAsync(env, parse.GetRequiredValue(file), parse.GetValue(json), (csv, name) => RemoteImports.FxRatesAsync(
                remote.Adapter(server), parse.GetValue(household), parse.GetValue(skipInvalid), parse.GetValue(key) ?? Guid.NewGuid().ToString(), csv, name, ct), ct)
            : RunAsync(
            env,
            parse.GetRequiredValue(file),
            parse.GetValue(json),
            (services, csv) => services.GetRequiredService<FxRateImporter>().ImportAsync(
                csv, parse.GetValue(household), new ImportOptions { SkipInvalid = parse.GetValue(skipInvalid) }, ct),
            ct,
            async services => parse.GetValue(household) is { } id && !await services.GetRequiredService<GlidepathDbContext>().Households.AnyAsync(h => h.Id == id, ct)
                ? $"household {id} does not exist."
                : null));
        return command;
    }

    private static async Task<int> RunAsync(
        CliEnvironment env, FileInfo file, bool json, Func<IServiceProvider, Stream, Task<ImportResult>> import, CancellationToken ct,
        Func<IServiceProvider, Task<string?>>? refusal = null)
    {
        if (!file.Exists)
        {
            return env.Fail(ExitCodes.Failure, $"{file.FullName}: no such file.");
        }

        await using var services = await CliDatabase.OpenAsync(env, ct);
        await using var scope = services.CreateAsyncScope();
        if (refusal is not null && await refusal(scope.ServiceProvider) is { } reason)
        {
            return env.Fail(ExitCodes.Failure, reason);
        }

        await using var csv = file.OpenRead();
        var result = await import(scope.ServiceProvider, csv);
        if (result.Rejected)
        {
            var more = result.Errors.Count > 1 ? $" (and {result.Errors.Count - 1} more)" : "";
            var first = result.Errors.Count > 0 ? result.Errors[0].ToString() : "rejected";
            foreach (var needed in result.OpeningLotsNeeded)
            {
                env.Error.WriteLine(FormattableString.Invariant(
                    $"  opening lot needed: {needed.Quantity} {needed.Symbol} held before {needed.Before:yyyy-MM-dd} (--opening-lot {needed.Symbol}:DATE:{needed.Quantity}[:COST])"));
            }

            return env.Fail(ExitCodes.Failure, $"{file.Name} rejected ({result.Layout} layout), nothing imported: {first}{more}.");
        }

        return Report(env, file.Name, result, json);
    }

    /// <summary>Sends the file to the server; its answer prints as the local import's (a rejected file is the server's 422 problem, one line).</summary>
    private static async Task<int> RunRemoteAsync(CliEnvironment env, FileInfo file, bool json, Func<Stream, string, Task<ImportResult>> import, CancellationToken ct)
    {
        if (!file.Exists)
        {
            return env.Fail(ExitCodes.Failure, $"{file.FullName}: no such file.");
        }

        await using var csv = file.OpenRead();
        return Report(env, file.Name, await import(csv, file.Name), json);
    }

    private static int Report(CliEnvironment env, string fileName, ImportResult result, bool json)
    {
        var output = ImportOutput.From(fileName, result);
        if (json)
        {
            CliJson.Write(env.Out, output);
        }
        else
        {
            env.Out.WriteLine(output.Summary);
            foreach (var skipped in result.Errors)
            {
                env.Out.WriteLine($"  skipped {skipped}");
            }

            foreach (var unmapped in result.Unmapped)
            {
                env.Out.WriteLine($"  not imported {unmapped}");
            }

            foreach (var row in result.Preview)
            {
                env.Out.WriteLine(FormattableString.Invariant(
                    $"  would book row {row.Row}: {row.Date:yyyy-MM-dd} {row.Type} {row.Symbol} quantity {row.Quantity} price {row.Price} fees {row.Fees} amount {row.Amount} {row.Currency}"));
            }

            if (result.Preview.Count > 0)
            {
                env.Out.WriteLine("  dry run: nothing was written.");
            }
        }

        return ExitCodes.Success;
    }

    private static Argument<FileInfo> FileArgument() => new("FILE") { Description = "The CSV file." };

    private static Option<string?> IdempotencyKey() => new("--idempotency-key")
    {
        Description = "With --server: the request's Idempotency-Key (default: a new UUID). A script that retries the command with the same key gets the first answer and books nothing twice.",
    };

    private static Option<bool> SkipInvalid() => new("--skip-invalid") { Description = "Import the good rows and report the others instead of rejecting the file." };
}

/// <summary>The JSON shape of <c>import statement … --json</c>: the import's summary, the dry run's rows and the possible duplicates.</summary>
public sealed record StatementImportOutput(
    string File, string Layout, int Imported, int DuplicatesSkipped, IReadOnlyList<string> CreatedInstruments, IReadOnlyList<PreviewRow> Preview,
    IReadOnlyList<PossibleDuplicate> PossibleDuplicates, IReadOnlyList<Glidepath.Infrastructure.Import.Transactions.UnmappedRow> Unmapped)
{
    public static StatementImportOutput From(string file, ImportResult result) =>
        new(file, result.Layout, result.Imported, result.DuplicatesSkipped, result.CreatedInstruments, result.Preview, result.PossibleDuplicates, result.Unmapped);
}

/// <summary>The JSON shape of <c>import … --json</c>.</summary>
public sealed record ImportOutput(
    string File, string Layout, int Imported, int DuplicatesSkipped, IReadOnlyList<string> CreatedInstruments, IReadOnlyList<ImportError> Skipped)
{
    /// <summary>The summary line names at most this many new instruments (--json lists them all).</summary>
    private const int InstrumentsNamed = 20;

    public string Summary => FormattableString.Invariant(
        $"{File}: imported {Imported} ({Layout} layout), {DuplicatesSkipped} already present, {Skipped.Count} skipped")
        + (CreatedInstruments.Count > 0 ? "; new instruments to review: " + NewInstruments() : "") + ".";

    private string NewInstruments() => CreatedInstruments.Count <= InstrumentsNamed
        ? string.Join(", ", CreatedInstruments)
        : FormattableString.Invariant($"{string.Join(", ", CreatedInstruments.Take(InstrumentsNamed))} and {CreatedInstruments.Count - InstrumentsNamed} more (--json lists them all)");

    public static ImportOutput From(string file, ImportResult result) =>
        new(file, result.Layout, result.Imported, result.DuplicatesSkipped, result.CreatedInstruments, result.Errors);
}
