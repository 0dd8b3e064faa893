using Glidepath.Domain.Households;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Categories;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Observability;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>
/// Imports one account's transactions from a broker statement (its layout detected from the
/// header and content, or named in the options) in ONE database transaction: stream and validate every row, then write them while the
/// ledger replays the household with them, replace its cached ledger state, commit. Any error
/// rejects the file and rolls back everything, unless <see cref="ImportOptions.SkipInvalid"/> is
/// set. Re-importing a file adds nothing.
/// The importer clears the context's change tracker as it goes: give it its own scope.
/// </summary>
public sealed class TransactionImporter(GlidepathDbContext db, LedgerStore ledger)
{
    /// <summary>Categorises the imported rows in the import's own database transaction (docs/categories.md).</summary>
    private readonly ImportCategoriser _categoriser = new(db);

    /// <summary>The names <see cref="ImportOptions.Layout"/> takes.</summary>
    public static IReadOnlyList<string> Layouts => BrokerLayouts.Names;

    public async Task<ImportResult> ImportAsync(Guid accountId, Stream csv, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = await ImportCoreAsync(accountId, csv, options, cancellationToken);
        GlidepathMetrics.ImportFinished("transactions", result.Rejected ? "rejected" : result.Errors.Count > 0 ? "partial" : "imported", result.Imported);
        return result;
    }

    private async Task<ImportResult> ImportCoreAsync(Guid accountId, Stream csv, ImportOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        options ??= new ImportOptions();
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return ImportResult.Reject("none", [new ImportError(0, null, $"Account {accountId} does not exist.")]);
        }

        var errors = new ImportErrors(options.MaxErrors);
        var (head, file) = await FileHead.ReadAsync(csv, cancellationToken);
        var mapping = options.Mapping
            ?? (options.Layout is null && options.FallbackMapping is { } fallback && BrokerLayouts.Detect(head) is null ? fallback : null);
        if (mapping?.Problems() is { Count: > 0 } problems)
        {
            return ImportResult.Reject("mapping", [.. problems.Select(p => new ImportError(0, null, p))]);
        }

        var layout = mapping is not null ? new MappedCsvLayout(mapping)
            : options.Layout is { } name ? BrokerLayouts.Find(name)
            : options.Statement ? BrokerLayouts.DetectStatement(head)
            : BrokerLayouts.Detect(head);
        if (layout is null)
        {
            var reason = options.Layout is null ? "Unrecognised file. " : $"No layout is named '{options.Layout}'. ";
            return ImportResult.Reject("unknown", [new ImportError(1, null, options.Statement && options.Layout is null
                ? "Not a statement: an OFX or QFX file starts with OFXHEADER:100 or <?xml …?><?OFX …?>, a QIF file with a header such as !Type:Bank (docs/statements.md)."
                : reason + BrokerLayouts.Expected)]);
        }

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;   // only inserts of new objects: nothing to detect
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await ledger.LockHouseholdAsync(account.HouseholdId, cancellationToken);
            // Under the lock nothing else writes the household: its stored history is read once (it
            // also gives the external ids to de-duplicate against), and the replay adds the file's
            // rows from memory rather than reading 100,000 of them back.
            var (accounts, stored) = await ledger.LoadHistoryAsync(account.HouseholdId, cancellationToken);
            var storedKeys = stored.Where(t => t.AccountId == account.Id && t.ExternalId is not null).Select(t => t.ExternalId!).ToHashSet(StringComparer.Ordinal);
            var run = new TransactionImportRun(db, account, layout, options, errors, storedKeys, options.Statement ? stored.Where(t => t.AccountId == account.Id) : null);
            await run.AddOpeningLotsAsync(cancellationToken);
            await foreach (var parse in layout.ReadAsync(file, errors, cancellationToken))
            {
                await run.AddAsync(parse, cancellationToken);
            }

            run.RefuseUnmappedUnlessSkipped();

            if (run.Errors.Count > 0 && !options.SkipInvalid)
            {
                await transaction.RollbackAsync(cancellationToken);
                return ImportResult.Reject(layout.Name, run.Errors.ToList()) with { PossibleDuplicates = run.PossibleDuplicates };
            }

            if (run.Imported == 0)
            {
                // Nothing new (a re-import): keep even the cache rows and the file untouched.
                await transaction.RollbackAsync(cancellationToken);
                return new ImportResult(layout.Name, 0, run.Duplicates, run.Errors.ToList(), [], Rejected: false) { Unmapped = run.Unmapped, PossibleDuplicates = run.PossibleDuplicates };
            }

            if (!await WriteAndReplayAsync(run, account.HouseholdId, accounts, stored, options, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return ImportResult.Reject(layout.Name, run.Errors.ToList()) with { OpeningLotsNeeded = OpeningLots.Needed(account.Id, stored, run) };
            }

            // Rules, the statement's categories and the payee dictionary, written with the rows (a dry run rolls them back too).
            await _categoriser.CategoriseAsync(account.HouseholdId, run.Rows, run.CategoryOf, run.SplitsOf, cancellationToken);
            var done = new ImportResult(layout.Name, run.Imported, run.Duplicates, run.Errors.ToList(), run.Instruments.Created, Rejected: false)
            {
                Unmapped = run.Unmapped,
                Preview = options.DryRun ? run.Preview(PreviewRows) : [],
                PossibleDuplicates = run.PossibleDuplicates,
            };
            if (options.DryRun)
            {
                await transaction.RollbackAsync(cancellationToken);
                return done;
            }

            await transaction.CommitAsync(cancellationToken);
            return done;
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private const int PreviewRows = 200;

    /// <summary>
    /// Writes the rows while the ledger replays the household with them (the replay is pure
    /// computation on the rows in memory, so it runs on the other core while this one inserts),
    /// then replaces the cache. The ledger's refusals are reported against their file rows; in
    /// skip-invalid mode those rows are taken out and the replay repeated (each round removes at
    /// least one). False: the import must be rejected.
    /// </summary>
    private async Task<bool> WriteAndReplayAsync(
        TransactionImportRun run, Guid householdId, List<Account> accounts, List<Transaction> stored, ImportOptions options, CancellationToken cancellationToken)
    {
        var ledgerOptions = await ledger.OptionsAsync(householdId, run.InstrumentIds, cancellationToken);
        List<Transaction> history = [.. stored, .. run.Rows];
        var replay = Task.Run(() => LedgerBuilder.Build(accounts, history, ledgerOptions, DateOnly.MaxValue), cancellationToken);
        try
        {
            await run.WriteAsync(cancellationToken);
        }
        catch
        {
            await ((Task)replay).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);   // nothing runs on after a failed import
            throw;
        }

        var result = await replay;
        if (result.TryGet(out var state, out var problem))
        {
            await ledger.ReplaceCacheAsync(householdId, state, accounts, history, run.Rows.Min(t => t.TradeDate), cancellationToken);
            return true;
        }

        var refused = problem.Errors();
        while (true)
        {
            foreach (var error in refused)
            {
                run.Errors.Add(new ImportError(run.RowOf(error.TransactionId) ?? 0, null, $"{error.Code}: {error.Message}"));
            }

            var fromThisFile = refused.Where(e => run.RowOf(e.TransactionId) is not null).Select(e => e.TransactionId).Distinct().ToList();
            if (!options.SkipInvalid || fromThisFile.Count == 0 || refused.Any(e => run.RowOf(e.TransactionId) is null))
            {
                return false;
            }

            await run.RemoveAsync(fromThisFile, cancellationToken);
            refused = await ledger.ReplayIntoCacheAsync(
                householdId, accounts, [.. stored, .. run.Rows], run.Rows.Select(t => (DateOnly?)t.TradeDate).Min() ?? DateOnly.MinValue, cancellationToken);
            if (refused.Count == 0)
            {
                return true;
            }
        }
    }
}
