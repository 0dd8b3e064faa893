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
    GlidepathDbContext db, Account account, ITransactionLayout layout, ImportOptions options, ImportErrors errors, HashSet<string> storedKeys)
{
    private readonly RowHash _hash = new();
    private readonly Dictionary<Guid, int> _rowById = [];
    private readonly List<Transaction> _rows = [];

    public ImportErrors Errors { get; } = errors;

    public InstrumentResolver Instruments { get; } = new(db, options with { HouseholdId = account.HouseholdId });

    public int Imported => _rows.Count;

    public int Duplicates { get; private set; }

    /// <summary>The transactions this run imports, in file order: the ledger replays them with the stored history instead of reading them back.</summary>
    public IReadOnlyList<Transaction> Rows => _rows;

    /// <summary>The instruments the imported rows trade.</summary>
    public IReadOnlyCollection<Guid> InstrumentIds => _rows.Where(t => t.InstrumentId is not null).Select(t => t.InstrumentId!.Value).ToHashSet();

    /// <summary>The file row a transaction of this run came from; null for transactions it did not import.</summary>
    public int? RowOf(Guid transactionId) => _rowById.TryGetValue(transactionId, out var row) ? row : null;

    public async ValueTask AddAsync(RowParse parse, CancellationToken cancellationToken)
    {
        foreach (var error in parse.Errors)
        {
            Errors.Add(error);
        }

        if (parse.Row is not { } row)
        {
            return;
        }

        var externalId = row.ExternalId ?? _hash.ExternalIdFor(row);
        var transaction = await ToTransactionAsync(row, externalId, cancellationToken);
        if (transaction is null || (Errors.Count > 0 && !options.SkipInvalid))
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
    }

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
        if (row.Symbol.Length > 0)
        {
            var (id, error) = await Instruments.ResolveAsync(row.Symbol, row.Description, currency, cancellationToken);
            if (error is not null)
            {
                Errors.Add(new ImportError(row.Row, layout.ColumnFor(nameof(Transaction.InstrumentId)), error));
                return null;
            }

            instrumentId = id;
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
            FxRate = row.FxRate,
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

        if (currency == account.BaseCurrency && row.FxRate != 1m)
        {
            Errors.Add(new ImportError(row.Row, layout.ColumnFor(nameof(Transaction.FxRate)), $"FxRate must be 1 for a transaction in the account's currency {currency}."));
            return null;
        }

        return fieldErrors.Count == 0 ? transaction : null;
    }
}
