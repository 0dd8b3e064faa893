using Glidepath.Domain.Households;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>
/// The state of one transaction import: validates each row into a transaction, gives it its
/// de-duplication key and keeps it unless the key is taken: <paramref name="storedKeys"/> holds the
/// account's stored external ids (read under the household lock with the history the replay needs
/// anyway) and the run adds each key it keeps, so a key repeated within the file is a duplicate too.
/// Nothing is written while the file is read: the importer writes the rows (<see cref="WriteAsync"/>)
/// once the whole file is valid, while the ledger replays them.
/// </summary>
internal sealed class TransactionImportRun(
    GlidepathDbContext db, Account account, IBrokerStatementLayout layout, ImportOptions options, ImportErrors errors, HashSet<string> storedKeys,
    IEnumerable<Transaction>? accountHistory = null)
{
    private readonly Statements.DuplicateFinder? _duplicates = options.Statement ? new(accountHistory ?? []) : null;
    private readonly List<PossibleDuplicate> _possible = [];
    private readonly Dictionary<Guid, string> _categoryById = [];
    private readonly Dictionary<Guid, IReadOnlyList<Statements.StatementSplit>> _splitsById = [];

    private readonly RowHash _hash = new();
    private readonly Dictionary<Guid, int> _rowById = [];
    private readonly List<Transaction> _rows = [];
    private readonly List<UnmappedRow> _unmapped = [];
    private readonly StoredFxRates _fx = new(db, account.HouseholdId);

    public ImportErrors Errors { get; } = errors;

    public InstrumentResolver Instruments { get; } = new(db, options with { HouseholdId = account.HouseholdId });

    public int Imported => _rows.Count;

    /// <summary>Rows the layout does not import, with their reasons.</summary>
    public IReadOnlyList<UnmappedRow> Unmapped => _unmapped;

    /// <summary>The instrument of each symbol or ISIN the run resolved (for the opening-lot request).</summary>
    public Dictionary<Guid, string> SymbolOf { get; } = [];

    public int Duplicates { get; private set; }

    /// <summary>A statement import's rows that look like stored ones and wait for the user's decision.</summary>
    public IReadOnlyList<PossibleDuplicate> PossibleDuplicates => _possible;

    /// <summary>The transactions this run imports, in file order: the ledger replays them with the stored history instead of reading them back.</summary>
    public IReadOnlyList<Transaction> Rows => _rows;

    /// <summary>The instruments the imported rows trade.</summary>
    public IReadOnlyCollection<Guid> InstrumentIds => _rows.Where(t => t.InstrumentId is not null).Select(t => t.InstrumentId!.Value).ToHashSet();

    /// <summary>The file row a transaction of this run came from; null for transactions it did not import.</summary>
    public int? RowOf(Guid transactionId) => _rowById.TryGetValue(transactionId, out var row) ? row : null;

    /// <summary>The statement's category of a row (QIF <c>L</c>), when it has one.</summary>
    public string? CategoryOf(Guid transactionId) => _categoryById.GetValueOrDefault(transactionId);

    /// <summary>The statement's split lines of a row (QIF <c>S</c>/<c>E</c>/<c>$</c>); empty when it has none.</summary>
    public IReadOnlyList<Statements.StatementSplit> SplitsOf(Guid transactionId) => _splitsById.GetValueOrDefault(transactionId) ?? [];

    public async ValueTask AddAsync(RowParse parse, CancellationToken cancellationToken)
    {
        foreach (var error in parse.Errors)
        {
            Errors.Add(error);
        }

        if (parse.Unmapped is { } unmapped)
        {
            _unmapped.Add(unmapped);
        }

        foreach (var row in parse.Rows)
        {
            await AddAsync(row, row.ExternalId ?? _hash.ExternalIdFor(row), cancellationToken);
        }
    }

    /// <summary>The options' opening lots, as buys dated before the file's rows (docs/import.md, "Opening lots").</summary>
    public async Task AddOpeningLotsAsync(CancellationToken cancellationToken)
    {
        foreach (var lot in options.OpeningLots)
        {
            var quantity = lot.Quantity;
            var row = new ImportedRow(
                0, TransactionType.Buy, lot.Date, lot.Date, lot.Symbol, "", quantity,
                Price: lot.Cost is { } cost && quantity >= 0.000001m ? cost / quantity : 0m, Fees: 0m, Amount: 0m,
                Currency: account.BaseCurrency, FxRate: 1m, SplitNumerator: 0m, SplitDenominator: 0m,
                Memo: lot.Cost is null ? OpeningLots.UnknownBasisMemo : OpeningLots.Memo,
                ExternalId: null, Isin: Domain.Instruments.Isin.HasShape(lot.Symbol) ? lot.Symbol : null);
            await AddAsync(row, "open:" + _hash.ExternalIdFor(row), cancellationToken);
        }
    }

    /// <summary>Unless the caller chose to skip them, every row the layout does not import rejects the file.</summary>
    public void RefuseUnmappedUnlessSkipped()
    {
        if (options.SkipUnmapped)
        {
            return;
        }

        foreach (var row in _unmapped)
        {
            Errors.Add(new ImportError(row.Row, layout.ColumnFor(nameof(Transaction.Type)),
                $"'{row.Action}' is not imported: {row.Reason} To import the file without such rows, skip them deliberately (skipUnmapped, --skip-unmapped)."));
        }
    }

    private async ValueTask AddAsync(ImportedRow row, string externalId, CancellationToken cancellationToken)
    {
        if (options.Statement && options.SkipRows.Contains(row.Row))
        {
            Duplicates++;   // the user confirmed it repeats a stored transaction
            return;
        }

        var transaction = await ToTransactionAsync(row, externalId, cancellationToken);
        if (transaction is null)
        {
            return;
        }

        // A statement row that looks like a stored one waits for the user's decision (checked for every row, so a refusal names them all).
        if (_duplicates is not null && !storedKeys.Contains(externalId) && !options.KeepRows.Contains(row.Row) && _duplicates.Find(transaction) is { } existing)
        {
            _possible.Add(new PossibleDuplicate(
                row.Row, transaction.TradeDate, transaction.Type, transaction.Type is TransactionType.Buy or TransactionType.Sell ? transaction.Quantity : transaction.Amount,
                transaction.Memo, existing.Id, existing.TradeDate, existing.Memo));
            if (!options.DryRun)
            {
                Errors.Add(new ImportError(row.Row, layout.ColumnFor(nameof(Transaction.Amount)), FormattableString.Invariant(
                    $"This {transaction.Type} of {transaction.Amount} on {transaction.TradeDate:yyyy-MM-dd} may be the one stored for {existing.TradeDate:yyyy-MM-dd} ('{existing.Memo}'): skip it (skipRow={row.Row}, --skip-row {row.Row}) if it is, keep it (keepRow={row.Row}, --keep-row {row.Row}) if not.")));
                return;
            }
        }

        if (Errors.Count > 0 && !options.SkipInvalid)
        {
            return;   // a strict import that already failed keeps reading only to report every error
        }

        // Already stored, or earlier in this file (a broker id listed twice).
        if (!storedKeys.Add(externalId))
        {
            Duplicates++;
            return;
        }

        _rows.Add(transaction);
        _rowById[transaction.Id] = row.Row;
        if (row.Category is { } category)
        {
            _categoryById[transaction.Id] = category;
        }

        if (row.Splits.Count > 0)
        {
            _splitsById[transaction.Id] = row.Splits;
        }
    }

    /// <summary>The first rows as they would be booked (a dry run's preview).</summary>
    public IReadOnlyList<PreviewRow> Preview(int count) =>
    [
        .. _rows.Take(count).Select(t => new PreviewRow(
            _rowById.GetValueOrDefault(t.Id), t.Type, t.TradeDate, t.InstrumentId is { } id ? SymbolOf.GetValueOrDefault(id) : null,
            t.Quantity, t.Price, t.Fees, t.Amount, t.Currency.Code, t.Memo, _categoryById.GetValueOrDefault(t.Id))),
    ];

    /// <summary>Inserts the instruments the file created, then its rows, in the caller's transaction.</summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        await Instruments.SaveCreatedAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, _rows, cancellationToken);
    }

    /// <summary>Takes out transactions the ledger refused (skip-invalid mode).</summary>
    public async Task RemoveAsync(IReadOnlyCollection<Guid> transactionIds, CancellationToken cancellationToken)
    {
        var ids = transactionIds.ToList();
        await db.Transactions.Where(t => ids.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
        foreach (var id in ids)
        {
            _rowById.Remove(id);
        }

        var removed = ids.ToHashSet();
        _rows.RemoveAll(t => removed.Contains(t.Id));
    }

    private async ValueTask<Transaction?> ToTransactionAsync(ImportedRow row, string externalId, CancellationToken cancellationToken)
    {
        var currency = row.Currency ?? account.BaseCurrency;
        Guid? instrumentId = null;
        if (row.Symbol.Length > 0 || row.Isin is not null)
        {
            var (id, error) = await Instruments.ResolveAsync(row.Symbol, row.Isin, row.Description, currency, cancellationToken);
            if (error is not null)
            {
                Errors.Add(new ImportError(row.Row, layout.ColumnFor(nameof(Transaction.InstrumentId)), error));
                return null;
            }

            instrumentId = id;
            SymbolOf[id!.Value] = row.Symbol.Length > 0 ? row.Symbol : row.Isin!;
        }

        if (currency == account.BaseCurrency && row.FxRate is { } given && given != 1m)
        {
            Errors.Add(new ImportError(row.Row, layout.ColumnFor(nameof(Transaction.FxRate)), $"FxRate must be 1 for a transaction in the account's currency {currency}."));
            return null;
        }

        var fxRate = currency == account.BaseCurrency ? 1m : row.FxRate ?? await _fx.RateAsync(currency, account.BaseCurrency, row.TradeDate, cancellationToken);
        if (fxRate is null)
        {
            Errors.Add(new ImportError(row.Row, layout.ColumnFor(nameof(Transaction.FxRate)),
                $"The file gives no {currency}/{account.BaseCurrency} rate and none is stored for {row.TradeDate:yyyy-MM-dd} or the {StoredFxRates.MaxAge} days before: import the rates first (glidepath import fx)."));
            return null;
        }

        var transaction = new Transaction
        {
            AccountId = account.Id,
            Type = row.Type,
            TradeDate = row.TradeDate,
            SettlementDate = row.SettlementDate,
            InstrumentId = instrumentId,
            Quantity = row.Quantity,
            Price = row.Price,
            Fees = row.Fees,
            Amount = row.Amount,
            Currency = currency,
            FxRate = fxRate.Value,
            SplitNumerator = row.SplitNumerator,
            SplitDenominator = row.SplitDenominator,
            Memo = row.Memo,
            ExternalId = externalId,
        };
        var fieldErrors = TransactionValidator.Validate(transaction);
        foreach (var error in fieldErrors)
        {
            Errors.Add(new ImportError(row.Row, layout.ColumnFor(error.Field), error.Message));
        }

        return fieldErrors.Count == 0 ? transaction : null;
    }
}
