using Glidepath.Domain.Households;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.TaxLots;
using Glidepath.Domain.Transactions;

namespace Glidepath.Domain.Tests.TaxLots.WashSales.Reference;

/// <summary>
/// REFERENCE implementation for tests: a verbatim copy of the ledger replay as it was before the
/// wash-sale matching was indexed (session 3). It scans every open lot of the household for each
/// loss piece and sorts them, which is quadratic, but it is the straightforward reading of the rule;
/// <see cref="ReplayEquivalenceTest"/> checks that the production replay gives the same state.
/// </summary>
internal sealed partial class ReferenceLedgerReplay
{
    private readonly Dictionary<Guid, Account> accounts;
    private readonly Dictionary<Guid, decimal> cash;
    private readonly Dictionary<(Guid Account, Guid Instrument), List<OpenLot>> books = [];
    private readonly Dictionary<Guid, Transit> inTransit = [];
    private readonly List<RealisedGain> gains = [];
    private readonly List<LedgerError> errors = [];

    /// <param name="washSales">Null replays without the wash-sale rule (valuation needs quantities and cash only).</param>
    public ReferenceLedgerReplay(IEnumerable<Account> accounts, ReferenceWashSaleMatching? washSales = null)
    {
        this.accounts = accounts.ToDictionary(a => a.Id);
        cash = this.accounts.Keys.ToDictionary(id => id, _ => 0m);
        this.washSales = washSales;
    }

    public IReadOnlyList<LedgerError> Errors => errors;

    public decimal Cash(Guid accountId) => cash[accountId];

    public decimal Quantity(Guid accountId, Guid instrumentId) =>
        books.TryGetValue((accountId, instrumentId), out var lots) ? lots.Sum(l => l.Quantity) : 0m;

    public void Apply(Transaction t)
    {
        var account = accounts[t.AccountId];
        Failure? failure;
        try
        {
            failure = ApplyByType(t, account);
        }
        catch (OverflowException)
        {
            // Amounts beyond decimal's range are bad input, reported like any other.
            failure = new Failure(LedgerErrorCodes.InvalidTransaction, "An amount in this transaction is too large to book.");
        }

        if (failure is { } f)
        {
            errors.Add(new LedgerError(t.Id, f.Code, f.Message));
        }
    }

    public LedgerState Snapshot()
    {
        var lots = books
            .SelectMany(b => b.Value.Select(l => new TaxLot(
                b.Key.Account, b.Key.Instrument, l.LotId, l.AcquiredDate, l.Quantity, l.CostBasis,
                l.HoldingStart == l.AcquiredDate ? null : l.HoldingStart)))
            .OrderBy(l => l.AccountId).ThenBy(l => l.InstrumentId).ThenBy(l => l.AcquiredDate).ThenBy(l => l.LotId)
            .ToList();
        var positions = lots
            .GroupBy(l => (l.AccountId, l.InstrumentId))
            .Select(g => new Position(g.Key.AccountId, g.Key.InstrumentId, g.Sum(l => l.Quantity), g.Sum(l => l.CostBasis)))
            .ToList();
        var balances = accounts.Values
            .OrderBy(a => a.Id)
            .Select(a => new CashBalance(a.Id, a.BaseCurrency, cash[a.Id]))
            .ToList();
        return new LedgerState(lots, positions, balances, gains.ToList(), washSales is null ? null : adjustments.ToList());
    }

    private Failure? ApplyByType(Transaction t, Account account) => t.Type switch
    {
        TransactionType.Deposit or TransactionType.Dividend or TransactionType.Interest => AddCash(account, t.Amount * t.FxRate),
        TransactionType.Withdrawal or TransactionType.Fee => AddCash(account, -t.Amount * t.FxRate),
        TransactionType.Buy => Acquire(t, account, cashIn: 0m),
        TransactionType.DividendReinvested => Acquire(t, account, cashIn: t.Amount * t.FxRate),
        TransactionType.Sell => Sell(t, account),
        TransactionType.Split => Split(t, account),
        TransactionType.TransferOut => TransferOut(t, account),
        TransactionType.TransferIn => TransferIn(t, account),
        _ => new Failure(LedgerErrorCodes.InvalidTransaction, $"Unknown transaction type {t.Type}."),
    };

    private Failure? AddCash(Account account, decimal amount)
    {
        cash[account.Id] += amount;
        return null;
    }

    /// <summary>Buy or reinvested dividend: basis = (quantity × price + fees) × FX; cash pays the basis less any income.</summary>
    private Failure? Acquire(Transaction t, Account account, decimal cashIn)
    {
        var basis = (t.Quantity * t.Price + t.Fees) * t.FxRate;
        AddLot(account.Id, t.InstrumentId!.Value, new LotPiece(t.Id, t.TradeDate, t.Quantity, basis, t.TradeDate));
        cash[account.Id] += cashIn - basis;
        ApplyPendingReplacements(t, account);
        return null;
    }

    /// <summary>Proceeds = (quantity × price − fees) × FX, shared over the relieved lots by quantity.</summary>
    private Failure? Sell(Transaction t, Account account)
    {
        var instrumentId = t.InstrumentId!.Value;
        var failure = Relieve(t, account, instrumentId, t.Quantity, out var pieces);
        if (failure is not null)
        {
            return failure;
        }

        var proceeds = (t.Quantity * t.Price - t.Fees) * t.FxRate;
        Realise(t, account, instrumentId, pieces, proceeds);
        return null;
    }

    /// <summary>
    /// Every lot's quantity scales by numerator/denominator; basis and acquisition date stay.
    /// Cash in lieu (Amount) is a sale of the fractional unit the split leaves in the account.
    /// </summary>
    private Failure? Split(Transaction t, Account account)
    {
        var instrumentId = t.InstrumentId!.Value;
        var lots = Lots(account.Id, instrumentId);
        var scaled = lots.Select(l => l.Quantity * t.SplitNumerator / t.SplitDenominator).ToArray();
        var total = scaled.Sum();
        var fraction = total - decimal.Floor(total);
        if (t.Amount > 0m && fraction == 0m)
        {
            return new Failure(LedgerErrorCodes.InvalidTransaction, $"Cash in lieu of {t.Amount} was paid but the split leaves {total} whole units.");
        }

        for (var i = 0; i < lots.Count; i++)
        {
            lots[i].Quantity = scaled[i];
        }

        if (t.Amount == 0m)
        {
            return null;
        }

        var failure = Relieve(t, account, instrumentId, fraction, out var pieces);
        if (failure is null)
        {
            Realise(t, account, instrumentId, pieces, t.Amount * t.FxRate);
        }

        return failure;
    }

    private Failure? TransferOut(Transaction t, Account account)
    {
        var transferId = t.TransferId!.Value;
        if (t.InstrumentId is not { } instrumentId)
        {
            cash[account.Id] -= t.Amount * t.FxRate;
            inTransit[transferId] = new Transit(account, null, t.Amount, []);
            return null;
        }

        var failure = Relieve(t, account, instrumentId, t.Quantity, out var pieces);
        if (failure is null)
        {
            inTransit[transferId] = new Transit(account, instrumentId, t.Quantity, pieces);
        }

        return failure;
    }

    /// <summary>
    /// Lots arrive with their id, acquisition date and basis. Basis is in the source account's
    /// currency, so it is converted at the transfer in's FxRate (1 between same-currency accounts).
    /// </summary>
    private Failure? TransferIn(Transaction t, Account account)
    {
        if (!inTransit.Remove(t.TransferId!.Value, out var transit))
        {
            return new Failure(LedgerErrorCodes.UnpairedTransfer, $"Transfer {t.TransferId} arrives before its transfer out has left.");
        }

        if (t.InstrumentId != transit.InstrumentId || (t.InstrumentId is not null && t.Quantity != transit.Quantity))
        {
            return new Failure(
                LedgerErrorCodes.TransferMismatch,
                $"Transfer {t.TransferId} left as {transit.Quantity} of {transit.InstrumentId} and arrives as {t.Quantity} of {t.InstrumentId}.");
        }

        if (t.InstrumentId is not { } instrumentId)
        {
            cash[account.Id] += t.Amount * t.FxRate;
            return null;
        }

        if (t.Currency != transit.Source.BaseCurrency)
        {
            return new Failure(
                LedgerErrorCodes.InvalidTransaction,
                $"A transfer in of units is in the source account's currency ({transit.Source.BaseCurrency}), not {t.Currency}.");
        }

        foreach (var piece in transit.Pieces)
        {
            AddLot(account.Id, instrumentId, piece with { CostBasis = piece.CostBasis * t.FxRate });
        }

        return null;
    }

    /// <summary>Takes <paramref name="quantity"/> units out of the account's lots by its relief policy.</summary>
    private Failure? Relieve(Transaction t, Account account, Guid instrumentId, decimal quantity, out List<LotPiece> pieces)
    {
        pieces = [];
        var lots = Lots(account.Id, instrumentId);
        var held = lots.Sum(l => l.Quantity);
        if (quantity > held)
        {
            return new Failure(LedgerErrorCodes.InsufficientQuantity, $"{t.Type} of {quantity} units of {instrumentId}, but the account holds {held}.");
        }

        var namesLots = t.LotSelections.Count > 0;
        if (namesLots && account.ReliefMethod == LotReliefMethod.AverageCost)
        {
            return new Failure(LedgerErrorCodes.InvalidTransaction, "An average-cost account cannot name lots.");
        }

        var policy = LotReliefPolicies.For(account.ReliefMethod, namesLots);
        policy.Prepare(lots);
        var plan = policy.Select(new LotReliefRequest(lots, quantity, t.LotSelections));
        if (plan.ErrorCode is not null)
        {
            return new Failure(plan.ErrorCode, plan.Message ?? plan.ErrorCode);
        }

        foreach (var take in plan.Takes)
        {
            var lot = lots[take.LotIndex];
            pieces.Add(lot.Cut(take.Quantity));
        }

        lots.RemoveAll(l => l.Quantity == 0m);
        return null;
    }

    /// <summary>One realised gain per relieved piece; proceeds shared by quantity, the last piece taking the remainder.</summary>
    private void Realise(Transaction t, Account account, Guid instrumentId, List<LotPiece> pieces, decimal proceeds)
    {
        var quantity = pieces.Sum(p => p.Quantity);
        var unassigned = proceeds;
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            var share = i == pieces.Count - 1 ? unassigned : proceeds * piece.Quantity / quantity;
            unassigned -= share;
            var disallowed = t.Type == TransactionType.Sell ? MatchWashSale(t, account, instrumentId, piece, piece.CostBasis - share) : 0m;
            gains.Add(new RealisedGain(
                account.Id, instrumentId, t.Id, piece.LotId, piece.AcquiredDate, t.TradeDate,
                piece.Quantity, share, piece.CostBasis, HoldingPeriod.Classify(piece.HoldingStart, t.TradeDate),
                disallowed, piece.HoldingStart == piece.AcquiredDate ? null : piece.HoldingStart));
        }

        cash[account.Id] += proceeds;
    }

    /// <summary>Adds a lot; a lot that comes back to an account still holding part of it merges with that part.</summary>
    private void AddLot(Guid accountId, Guid instrumentId, LotPiece piece)
    {
        var lots = Lots(accountId, instrumentId);
        var existing = lots.Find(l => l.LotId == piece.LotId);
        if (existing is null)
        {
            lots.Add(new OpenLot(piece.LotId, piece.AcquiredDate, piece.Quantity, piece.CostBasis)
            {
                HoldingStart = piece.HoldingStart,
                ReplacementUsed = piece.ReplacementUsed,
            });
        }
        else
        {
            existing.Quantity += piece.Quantity;
            existing.CostBasis += piece.CostBasis;
            existing.ReplacementUsed += piece.ReplacementUsed;
        }
    }

    private List<OpenLot> Lots(Guid accountId, Guid instrumentId)
    {
        if (!books.TryGetValue((accountId, instrumentId), out var lots))
        {
            lots = [];
            books[(accountId, instrumentId)] = lots;
        }

        return lots;
    }

    private readonly record struct Failure(string Code, string Message);

    /// <summary>What a transfer out took, waiting for its transfer in.</summary>
    private sealed record Transit(Account Source, Guid? InstrumentId, decimal Quantity, List<LotPiece> Pieces);
}
