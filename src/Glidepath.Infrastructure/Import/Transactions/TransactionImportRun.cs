using Glidepath.Domain.Households;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>
/// The state of one transaction import: validates each row into a transaction, gives it its
/// de-duplication key, and writes batches (skipping keys the account already has) that leave
/// nothing behind in the change tracker. <paramref name="storedKeys"/> holds the account's stored
/// external ids, read under the household lock with the history the replay needs anyway; the run
/// adds each key it writes, so a key repeated within the file is a duplicate too.
/// </summary>
internal sealed class TransactionImportRun(
    GlidepathDbContext db, Account account, ITransactionLayout layout, ImportOptions options, ImportErrors errors, HashSet<string> storedKeys)
{
    private readonly List<Transaction> _batch = new(options.BatchSize);
    private readonly RowHash _hash = new();
    private readonly Dictionary<Guid, int> _rowById = [];
    private readonly List<Transaction> _written = [];

    public ImportErrors Errors { get; } = errors;

    public InstrumentResolver Instruments { get; } = new(db, options.CreateMissingInstruments);

    public int Imported { get; private set; }

    public int Duplicates { get; private set; }

    /// <summary>The transactions this run wrote, in file order: the ledger replay uses them instead of reading them back.</summary>
    public IReadOnlyList<Transaction> Written => _written;

    /// <summary>The file row a stored transaction came from; null for transactions this run did not write.</summary>
    public int? RowOf(Guid transactionId) => _rowById.TryGetValue(transactionId, out var row) ? row : null;

    public async Task AddAsync(RowParse parse, CancellationToken cancellationToken)
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

        _batch.Add(transaction);
        _rowById[transaction.Id] = row.Row;
        if (_batch.Count >= options.BatchSize)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await Instruments.SaveCreatedAsync(cancellationToken); // before the rows that name them
        if (_batch.Count == 0)
        {
            return;
        }

        var fresh = new List<Transaction>(_batch.Count);
        foreach (var t in _batch)
        {
            // Already stored, or earlier in this file (a broker id listed twice).
            if (!storedKeys.Add(t.ExternalId!))
            {
                Duplicates++;
                _rowById.Remove(t.Id);
                continue;
            }

            fresh.Add(t);
        }

        await BulkInsert.InsertAsync(db, fresh, cancellationToken);
        _written.AddRange(fresh);
        Imported += fresh.Count;
        _batch.Clear();
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
        _written.RemoveAll(t => removed.Contains(t.Id));

        Imported -= ids.Count;
    }

    private async Task<Transaction?> ToTransactionAsync(ImportedRow row, string externalId, CancellationToken cancellationToken)
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
