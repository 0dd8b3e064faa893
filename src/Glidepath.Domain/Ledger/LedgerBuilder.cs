using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Results;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Domain.Transactions;

namespace Glidepath.Domain.Ledger;

/// <summary>Replays a household's transaction history into lots, positions, cash and realised gains.</summary>
public static class LedgerBuilder
{
    /// <summary>
    /// Replays <paramref name="transactions"/> (any order; they are sorted by trade date, then a
    /// stable in-day order) for the given accounts. A history that is impossible (selling more
    /// than is held, a transfer in without its transfer out) yields errors, not a state.
    /// </summary>
    public static Result<LedgerState> Build(IReadOnlyList<Account> accounts, IReadOnlyList<Transaction> transactions) =>
        Build(accounts, transactions, DateOnly.MaxValue);

    /// <summary>
    /// The state at the close of <paramref name="asOf"/>: only transactions traded on or before it
    /// are replayed. Units of a transfer whose transfer in comes later are in transit and in
    /// neither account.
    /// </summary>
    public static Result<LedgerState> Build(IReadOnlyList<Account> accounts, IReadOnlyList<Transaction> transactions, DateOnly asOf) =>
        Build(accounts, transactions, LedgerOptions.Default, asOf);

    /// <summary>Like <see cref="Build(IReadOnlyList{Account}, IReadOnlyList{Transaction})"/>; instruments sharing an ISIN are substantially identical for the wash-sale rule.</summary>
    public static Result<LedgerState> Build(IReadOnlyList<Account> accounts, IReadOnlyList<Transaction> transactions, IReadOnlyList<Instrument> instruments) =>
        Build(accounts, transactions, new LedgerOptions(instruments), DateOnly.MaxValue);

    /// <summary>
    /// The state at the close of <paramref name="asOf"/> with the household's options (its table of
    /// substantially identical securities). Wash sales look ahead only to transactions on or before
    /// <paramref name="asOf"/>: a replacement bought later is not yet known.
    /// </summary>
    public static Result<LedgerState> Build(IReadOnlyList<Account> accounts, IReadOnlyList<Transaction> transactions, LedgerOptions options, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(options);
        var history = Prepare(accounts, transactions);
        if (history.Errors.Count > 0)
        {
            return LedgerProblems.From(history.Errors);
        }

        var replayed = history.Transactions.TakeWhile(t => t.TradeDate <= asOf).ToList();
        var replay = new LedgerReplay(accounts, options.ApplyWashSales ? new WashSaleMatching(options.Identical(), replayed) : null);
        foreach (var transaction in replayed)
        {
            replay.Apply(transaction);
        }

        return replay.Errors.Count > 0 ? LedgerProblems.From(replay.Errors) : replay.Snapshot();
    }

    /// <summary>
    /// The checks that need no replay (fields, accounts, FX rule, duplicate ids, transfer pairs),
    /// then the replay order. Errors here stop the build before any replay, so a bad row does not
    /// cascade into insufficient-quantity errors further on.
    /// </summary>
    internal static PreparedHistory Prepare(IReadOnlyList<Account> accounts, IReadOnlyList<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(transactions);
        var accountsById = accounts.ToDictionary(a => a.Id);
        var errors = new List<LedgerError>();
        var seen = new HashSet<Guid>();

        foreach (var t in transactions)
        {
            var fieldErrors = TransactionValidator.Validate(t);
            if (fieldErrors.Count > 0)
            {
                var detail = string.Join("; ", fieldErrors.Select(e => $"{e.Field}: {e.Message}"));
                errors.Add(new LedgerError(t.Id, LedgerErrorCodes.InvalidTransaction, detail));
            }

            if (!seen.Add(t.Id))
            {
                errors.Add(new LedgerError(t.Id, LedgerErrorCodes.DuplicateTransaction, $"Transaction id {t.Id} appears more than once."));
            }

            if (!accountsById.TryGetValue(t.AccountId, out var account))
            {
                errors.Add(new LedgerError(t.Id, LedgerErrorCodes.UnknownAccount, $"Account {t.AccountId} is not one of the household's accounts."));
            }
            else if (t.Currency == account.BaseCurrency && t.FxRate != 1m)
            {
                errors.Add(new LedgerError(
                    t.Id, LedgerErrorCodes.InvalidTransaction, $"FxRate is {t.FxRate} but the transaction is in the account's own currency {t.Currency}."));
            }
        }

        errors.AddRange(UnpairedTransfers(transactions));
        return new PreparedHistory(errors.Count == 0 ? LedgerOrder.Sort(transactions) : [], errors);
    }

    /// <summary>Every TransferId needs exactly one transfer out and one transfer in.</summary>
    private static IEnumerable<LedgerError> UnpairedTransfers(IReadOnlyList<Transaction> transactions) =>
        transactions
            .Where(t => t.Type is TransactionType.TransferOut or TransactionType.TransferIn && t.TransferId is not null)
            .GroupBy(t => t.TransferId!.Value)
            .Where(g => g.Count(t => t.Type == TransactionType.TransferOut) != 1 || g.Count(t => t.Type == TransactionType.TransferIn) != 1)
            .SelectMany(g => g.Select(t => new LedgerError(
                t.Id, LedgerErrorCodes.UnpairedTransfer, $"Transfer {g.Key} needs exactly one transfer out and one transfer in.")));
}

internal sealed record PreparedHistory(IReadOnlyList<Transaction> Transactions, IReadOnlyList<LedgerError> Errors);

/// <summary>Why a transaction could not be applied; <paramref name="Code"/> is stable (e.g. "insufficient-quantity").</summary>
public sealed record LedgerError(Guid TransactionId, string Code, string Message);
