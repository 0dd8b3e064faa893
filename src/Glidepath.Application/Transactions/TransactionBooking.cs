using Glidepath.Application.Accounts;
using Glidepath.Application.Errors;
using Glidepath.Application.Validation;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.Results;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Instruments;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Transactions;

/// <summary>
/// Turns requests into ledger writes: checks fields and household scope, answers retries from
/// what is already booked (same account and external id), and books the rest through
/// <see cref="LedgerStore"/>, which replays the whole history and stores all or nothing.
/// </summary>
public sealed class TransactionBooking(GlidepathDbContext db, LedgerStore ledger)
{
    /// <summary>The HTTP header (and the field an invalid key is reported against) that makes a retry safe.</summary>
    public const string IdempotencyKeyField = "Idempotency-Key";

    /// <summary>
    /// Books <paramref name="requests"/> all or nothing. <paramref name="idempotencyKey"/> (or a request's own external id)
    /// makes a retry answer what the first request booked instead of booking it again.
    /// </summary>
    public async Task<Result<TransactionBatchResult>> BookAsync(
        Guid householdId, IReadOnlyList<TransactionRequest> requests, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var accountIds = requests.Select(r => r.AccountId).Distinct().ToList();
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => a.HouseholdId == householdId && accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        if (requests.FirstOrDefault(r => !accounts.ContainsKey(r.AccountId)) is { } stray)
        {
            return HouseholdAccounts.NotFound(stray.AccountId);
        }

        var errors = new InputChecks().Check(
            idempotencyKey is null || idempotencyKey.Length is > 0 and <= 100, IdempotencyKeyField, "The key has 1 to 100 characters.");
        var transactions = requests.Select((r, i) => ToTransaction(r, accounts[r.AccountId], ExternalId(r, idempotencyKey, i, requests.Count), errors, FieldPrefix(i, requests.Count))).ToList();
        await CheckInstrumentsExistAsync(householdId, transactions, errors, requests.Count, ct);
        if (errors.Failed)
        {
            return errors.ToProblem();
        }

        // Concurrent retries with one key race to book it; the ledger books it once (under the household's
        // lock) and refuses the others as duplicates. A loser looks again and answers what the winner booked.
        Dictionary<(Guid, string), Transaction> booked;
        List<Transaction> fresh;
        while (true)
        {
            booked = await AlreadyBookedAsync(transactions, ct);
            fresh = [.. transactions.Where(t => t.ExternalId is null || !booked.ContainsKey((t.AccountId, t.ExternalId)))];
            var result = await ledger.AddTransactionsAsync(fresh, ct);
            if (result.Problem is not { } refused)
            {
                break;
            }

            if (refused.Code != LedgerStoreErrorCodes.DuplicateExternalId || (await AlreadyBookedAsync(transactions, ct)).Count == booked.Count)
            {
                return Refusal(refused, transactions);
            }
        }

        // Shown as stored (as a replay and GET show them: SQLite, for one, gives decimals back with their stored scale),
        // so the first answer and every retry's answer carry the same body.
        var freshIds = fresh.Select(t => t.Id).ToList();
        var stored = await db.Transactions.AsNoTracking().Where(t => freshIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var shown = transactions
            .Select(t => t.ExternalId is not null && booked.TryGetValue((t.AccountId, t.ExternalId), out var earlier) ? earlier : stored.GetValueOrDefault(t.Id, t))
            .Select(t => t.ToDto())
            .ToList();
        return new TransactionBatchResult(shown, fresh.Count, transactions.Count - fresh.Count);
    }

    internal static Transaction ToTransaction(TransactionRequest r, Account account, string? externalId, InputChecks errors, string prefix)
    {
        var currency = account.BaseCurrency;
        if (r.Currency is not null && !Currency.TryParse(r.Currency, out currency))
        {
            errors.Add(prefix + "currency", $"'{r.Currency}' is not a supported ISO-4217 currency code.");
        }

        var transaction = new Transaction
        {
            AccountId = r.AccountId,
            Type = r.Type,
            TradeDate = r.TradeDate,
            SettlementDate = r.SettlementDate ?? r.TradeDate,
            InstrumentId = r.InstrumentId,
            Quantity = r.Quantity ?? 0m,
            Price = r.Price ?? 0m,
            Fees = r.Fees ?? 0m,
            Amount = r.Amount ?? 0m,
            Currency = currency,
            FxRate = r.FxRate ?? 1m,
            SplitNumerator = r.SplitNumerator ?? 0m,
            SplitDenominator = r.SplitDenominator ?? 0m,
            TransferId = r.TransferId,
            LotSelections = [.. (r.LotSelections ?? []).Select(s => new LotSelection(s.LotId, s.Quantity))],
            ExternalId = externalId,
            Memo = r.Memo,
        };
        errors.Check(r.TradeDate != default, prefix + "tradeDate", "A trade date is required.");
        foreach (var error in TransactionValidator.Validate(transaction))
        {
            errors.Add(prefix + JsonName(error.Field), error.Message);
        }

        return transaction;
    }

    /// <summary>A retry names the same key: the request's own external id, else the Idempotency-Key (suffixed per batch item).</summary>
    private static string? ExternalId(TransactionRequest request, string? idempotencyKey, int index, int count) =>
        !string.IsNullOrWhiteSpace(request.ExternalId) ? request.ExternalId.Trim()
        : idempotencyKey is null ? null
        : count == 1 ? idempotencyKey
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{idempotencyKey}#{index}");

    /// <summary>Shared instruments and the household's own; another household's private instrument is "no such instrument".</summary>
    internal async Task CheckInstrumentsExistAsync(Guid householdId, List<Transaction> transactions, InputChecks errors, int count, CancellationToken ct)
    {
        var named = transactions.Where(t => t.InstrumentId is not null).Select(t => t.InstrumentId!.Value).Distinct().ToList();
        if (named.Count == 0)
        {
            return;
        }

        var known = (await db.Instruments.UsableBy(householdId).Where(i => named.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct)).ToHashSet();
        for (var i = 0; i < transactions.Count; i++)
        {
            errors.Check(transactions[i].InstrumentId is not { } id || known.Contains(id), FieldPrefix(i, count) + "instrumentId", "No such instrument.");
        }
    }

    private async Task<Dictionary<(Guid, string), Transaction>> AlreadyBookedAsync(List<Transaction> transactions, CancellationToken ct)
    {
        var keys = transactions.Where(t => t.ExternalId is not null).Select(t => t.ExternalId!).Distinct().ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        var accountIds = transactions.Select(t => t.AccountId).Distinct().ToList();
        var stored = await db.Transactions.AsNoTracking()
            .Where(t => accountIds.Contains(t.AccountId) && keys.Contains(t.ExternalId!)).ToListAsync(ct);
        return stored.ToDictionary(t => (t.AccountId, t.ExternalId!));
    }

    /// <summary>
    /// The ledger's refusal (<see cref="LedgerStore"/>: a conflict for a repeated external id, else refused with the
    /// errors' shared code), each error naming the index of the request it came from.
    /// </summary>
    internal static Problem Refusal(Problem refused, List<Transaction> requested) =>
        refused.Kind == ProblemKind.Conflict
            ? refused with { Items = [] }
            : refused with { Items = [.. refused.Items.Select(e => e with { Row = requested.FindIndex(t => t.Id == e.TransactionId) is var i and >= 0 ? i : null })] };

    private static string FieldPrefix(int index, int count) =>
        count == 1 ? "" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"transactions[{index}].");

    private static string JsonName(string property) => char.ToLowerInvariant(property[0]) + property[1..];
}
