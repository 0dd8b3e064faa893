using Glidepath.Domain.Households;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Accounts;
using Glidepath.Server.Errors;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Transactions;

/// <summary>What an edit, a delete or a preview came to: a value, invalid fields, or a refusal (404, 422).</summary>
public sealed record EditOutcome<T>(T? Value, ValidationProblem? Invalid, ApiProblem? Refused);

/// <summary>
/// Edits and deletes of booked transactions, and the preview of a sell. Both halves of a transfer move
/// together: deleting one deletes its pair, and an edit of one carries the date, instrument, quantity
/// and amount to the other, so the pair never disagrees. Every change replays the household's history
/// in one database transaction (<see cref="LedgerStore.ChangeTransactionsAsync"/>): a change the ledger
/// refuses (it would sell lots that no longer exist) stores nothing.
/// </summary>
public sealed class TransactionEditing(GlidepathDbContext db, LedgerStore ledger, TransactionBooking booking)
{
    public async Task<EditOutcome<TransactionDto>> EditAsync(Guid householdId, Guid transactionId, TransactionRequest request, CancellationToken ct)
    {
        var stored = await FindAsync(householdId, transactionId, ct);
        if (stored is null)
        {
            return new(null, null, NotFound(transactionId));
        }

        var (edited, invalid, refused) = await ToTransactionAsync(householdId, request, stored.Id, ct);
        if (invalid is not null || refused is not null)
        {
            return new(null, invalid, refused);
        }

        edited!.ExternalId = stored.ExternalId;
        if (IsTransfer(edited) != IsTransfer(stored))
        {
            return new(null, ValidationErrors.Single("type", "A transfer stays a transfer and other types stay non-transfers: delete it and enter it again."), null);
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
        return result.Succeeded ? new(edited.ToDto(), null, null) : new(null, null, TransactionBooking.Refusal(result.Errors, changes));
    }

    /// <summary>Deletes the transaction (and a transfer's other half); answers the ids deleted.</summary>
    public async Task<EditOutcome<IReadOnlyList<Guid>>> DeleteAsync(Guid householdId, Guid transactionId, CancellationToken ct)
    {
        var stored = await FindAsync(householdId, transactionId, ct);
        if (stored is null)
        {
            return new(null, null, NotFound(transactionId));
        }

        List<Guid> ids = [stored.Id, .. (await PartnersAsync(stored, ct)).Select(p => p.Id)];
        var result = await ledger.ChangeTransactionsAsync(householdId, [], ids, ct);
        return result.Succeeded ? new(ids, null, null) : new(null, null, TransactionBooking.Refusal(result.Errors, [stored]));
    }

    /// <summary>
    /// The lots a sell would relieve under its account's relief method (or its own lot selections), with
    /// basis, proceeds and gain per lot, replayed against the stored history without storing anything.
    /// With <paramref name="replacing"/> the sell stands in for that stored transaction (an edit).
    /// </summary>
    public async Task<EditOutcome<SellPreviewDto>> PreviewSellAsync(Guid householdId, TransactionRequest request, Guid? replacing, CancellationToken ct)
    {
        if (replacing is { } id && await FindAsync(householdId, id, ct) is null)
        {
            return new(null, null, NotFound(id));
        }

        var (sell, invalid, refused) = await ToTransactionAsync(householdId, request, replacing, ct);
        if (invalid is not null || refused is not null)
        {
            return new(null, invalid, refused);
        }

        if (sell!.Type != TransactionType.Sell)
        {
            return new(null, ValidationErrors.Single("type", "Only a sell has a lot preview."), null);
        }

        var result = await ledger.PreviewAsync(householdId, sell, ct);
        if (!result.Succeeded)
        {
            return new(null, null, TransactionBooking.Refusal(result.Errors, [sell]));
        }

        var account = await db.Accounts.AsNoTracking().FirstAsync(a => a.Id == sell.AccountId, ct);
        var lots = result.State!.RealisedGains.Where(g => g.SaleTransactionId == sell.Id)
            .Select(g => new RelievedLotDto(g.LotId, g.AcquiredDate, g.Quantity, g.CostBasis, g.Proceeds, g.Gain, g.Term, g.DisallowedLoss))
            .ToList();
        return new(new SellPreviewDto(account.ReliefMethod, lots, lots.Sum(l => l.Quantity), lots.Sum(l => l.Proceeds), lots.Sum(l => l.CostBasis), lots.Sum(l => l.Gain)), null, null);
    }

    private async Task<(Transaction? Transaction, ValidationProblem? Invalid, ApiProblem? Refused)> ToTransactionAsync(
        Guid householdId, TransactionRequest request, Guid? id, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AccountId && a.HouseholdId == householdId, ct);
        if (account is null)
        {
            return (null, null, AccountEndpoints.NotFound(request.AccountId));
        }

        var errors = new ValidationErrors();
        var transaction = TransactionBooking.ToTransaction(request, account, externalId: null, errors, prefix: "");
        transaction.Id = id ?? transaction.Id;
        await booking.CheckInstrumentsExistAsync(householdId, [transaction], errors, 1, ct);
        return errors.HasErrors ? (null, errors.ToProblem(), null) : (transaction, null, null);
    }

    private Task<Transaction?> FindAsync(Guid householdId, Guid transactionId, CancellationToken ct) =>
        db.Transactions.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == transactionId && db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId), ct);

    private async Task<List<Transaction>> PartnersAsync(Transaction stored, CancellationToken ct) =>
        stored.TransferId is { } transferId
            ? await db.Transactions.AsNoTracking().Where(t => t.TransferId == transferId && t.Id != stored.Id).ToListAsync(ct)
            : [];

    private static bool IsTransfer(Transaction t) => t.Type is TransactionType.TransferIn or TransactionType.TransferOut;

    private static NotFoundProblem NotFound(Guid transactionId) =>
        new(ErrorCodes.TransactionNotFound, $"Transaction {transactionId} is not in this household.");
}
