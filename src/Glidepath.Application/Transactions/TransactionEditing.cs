using Glidepath.Application.Accounts;
using Glidepath.Application.Errors;
using Glidepath.Application.Validation;
using Glidepath.Domain.Results;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Transactions;

/// <summary>
/// Edits and deletes of booked transactions, and the preview of a sell. Both halves of a transfer move
/// together: deleting one deletes its pair, and an edit of one carries the date, instrument, quantity
/// and amount to the other, so the pair never disagrees. Every change replays the household's history
/// in one database transaction (<see cref="LedgerStore.ChangeTransactionsAsync"/>): a change the ledger
/// refuses (it would sell lots that no longer exist) stores nothing.
/// </summary>
public sealed class TransactionEditing(GlidepathDbContext db, LedgerStore ledger, TransactionBooking booking)
{
    public async Task<Result<TransactionDto>> EditAsync(Guid householdId, Guid transactionId, TransactionRequest request, CancellationToken ct)
    {
        var stored = await FindAsync(householdId, transactionId, ct);
        if (stored is null)
        {
            return NotFound(transactionId);
        }

        if (!(await ToTransactionAsync(householdId, request, stored.Id, ct)).TryGet(out var edited, out var problem))
        {
            return problem;
        }

        edited.ExternalId = stored.ExternalId;
        if (IsTransfer(edited) != IsTransfer(stored))
        {
            return Problem.Invalid("type", "A transfer stays a transfer and other types stay non-transfers: delete it and enter it again.");
        }

        List<Transaction> changes = [edited];
        if (stored.TransferId is { } transferId)
        {
            edited.TransferId = transferId;
            foreach (var partner in await PartnersAsync(stored, ct))
            {
                (partner.TradeDate, partner.SettlementDate, partner.InstrumentId, partner.Quantity, partner.Amount) =
                    (edited.TradeDate, edited.SettlementDate, edited.InstrumentId, edited.Quantity, edited.Amount);
                changes.Add(partner);
            }
        }

        var result = await ledger.ChangeTransactionsAsync(householdId, changes, [], ct);
        return result.Problem is { } refused ? TransactionBooking.Refusal(refused, changes) : edited.ToDto();
    }

    /// <summary>Deletes the transaction (and a transfer's other half); answers the ids deleted.</summary>
    public async Task<Result<IReadOnlyList<Guid>>> DeleteAsync(Guid householdId, Guid transactionId, CancellationToken ct)
    {
        var stored = await FindAsync(householdId, transactionId, ct);
        if (stored is null)
        {
            return NotFound(transactionId);
        }

        List<Guid> ids = [stored.Id, .. (await PartnersAsync(stored, ct)).Select(p => p.Id)];
        var result = await ledger.ChangeTransactionsAsync(householdId, [], ids, ct);
        return result.Problem is { } refused ? TransactionBooking.Refusal(refused, [stored]) : ids;
    }

    /// <summary>
    /// The lots a sell would relieve under its account's relief method (or its own lot selections), with
    /// basis, proceeds and gain per lot, replayed against the stored history without storing anything.
    /// With <paramref name="replacing"/> the sell stands in for that stored transaction (an edit).
    /// </summary>
    public async Task<Result<SellPreviewDto>> PreviewSellAsync(Guid householdId, TransactionRequest request, Guid? replacing, CancellationToken ct)
    {
        if (replacing is { } id && await FindAsync(householdId, id, ct) is null)
        {
            return NotFound(id);
        }

        if (!(await ToTransactionAsync(householdId, request, replacing, ct)).TryGet(out var sell, out var problem))
        {
            return problem;
        }

        if (sell.Type != TransactionType.Sell)
        {
            return Problem.Invalid("type", "Only a sell has a lot preview.");
        }

        var result = await ledger.PreviewAsync(householdId, sell, ct);
        if (!result.TryGet(out var state, out var refused))
        {
            return TransactionBooking.Refusal(refused, [sell]);
        }

        var account = await db.Accounts.AsNoTracking().FirstAsync(a => a.Id == sell.AccountId, ct);
        var lots = state.RealisedGains.Where(g => g.SaleTransactionId == sell.Id)
            .Select(g => new RelievedLotDto(g.LotId, g.AcquiredDate, g.Quantity, g.CostBasis, g.Proceeds, g.Gain, g.Term, g.DisallowedLoss))
            .ToList();
        return new SellPreviewDto(account.ReliefMethod, lots, lots.Sum(l => l.Quantity), lots.Sum(l => l.Proceeds), lots.Sum(l => l.CostBasis), lots.Sum(l => l.Gain));
    }

    private async Task<Result<Transaction>> ToTransactionAsync(Guid householdId, TransactionRequest request, Guid? id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AccountId && a.HouseholdId == householdId, ct);
        if (account is null)
        {
            return HouseholdAccounts.NotFound(request.AccountId);
        }

        var errors = new InputChecks();
        var transaction = TransactionBooking.ToTransaction(request, account, externalId: null, errors, prefix: "");
        transaction.Id = id ?? transaction.Id;
        await booking.CheckInstrumentsExistAsync(householdId, [transaction], errors, 1, ct);
        return errors.Failed ? errors.ToProblem() : transaction;
    }

    private Task<Transaction?> FindAsync(Guid householdId, Guid transactionId, CancellationToken ct) =>
        db.Transactions.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == transactionId && db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId), ct);

    private async Task<List<Transaction>> PartnersAsync(Transaction stored, CancellationToken ct) =>
        stored.TransferId is { } transferId
            ? await db.Transactions.AsNoTracking().Where(t => t.TransferId == transferId && t.Id != stored.Id).ToListAsync(ct)
            : [];

    private static bool IsTransfer(Transaction t) => t.Type is TransactionType.TransferIn or TransactionType.TransferOut;

    private static Problem NotFound(Guid transactionId) =>
        Problem.NotFound(ErrorCodes.TransactionNotFound, $"Transaction {transactionId} is not in this household.");
}
