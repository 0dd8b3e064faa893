using Glidepath.Domain.Households;
using Glidepath.Domain.TaxLots;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Domain.Transactions;

namespace Glidepath.Domain.Ledger;

/// <summary>
/// The wash-sale rule (IRS Publication 550, "Wash Sales"; docs/wash-sales.md). A loss on a sale in
/// a taxable account is matched, unit for unit, with substantially identical units bought in any
/// household account from 30 days before to 30 days after the sale: first units still open that were
/// bought in the window (earliest acquisition first), then purchases still to come (earliest first).
/// Each replacement unit serves one wash sale. The matched share of the loss is disallowed and moves
/// into the replacement's basis with the sold lot's holding period, or is lost for good when the
/// replacement is in a tax-advantaged account (Rev. Rul. 2008-5).
/// </summary>
internal sealed partial class LedgerReplay
{
    private readonly WashSaleMatching? washSales;
    private readonly OpenReplacementIndex? replacements;
    private readonly List<ReplacementCandidate> candidates = [];
    private readonly List<WashSaleAdjustment> adjustments = [];
    private readonly Dictionary<Guid, List<PendingReplacement>> pending = [];

    // The next split counter per (book, lot, sale) within the transaction being applied; see SplitOff.
    private readonly Dictionary<(LotBook Book, Guid LotId, Guid SaleId), int> splitCounters = [];

    /// <summary>Matches a sold piece's <paramref name="loss"/> (negative for a gain) and returns the part disallowed.</summary>
    private decimal MatchWashSale(Transaction sale, Account account, Guid instrumentId, LotPiece piece, decimal loss)
    {
        if (washSales is null || loss <= 0m || !account.Type.IsTaxable())
        {
            return 0m;
        }

        var group = washSales.Identical.GroupOf(instrumentId);
        var sold = new SoldPiece(sale.Id, account.Id, instrumentId, piece.LotId, sale.TradeDate.DayNumber - piece.HoldingStart.DayNumber);
        var match = new LossMatch(piece.Quantity, loss);

        // Open units bought in the 30 days up to the sale (any account), earliest first; never the sold lot itself.
        replacements!.Candidates(group, sale.TradeDate.AddDays(-WashSaleMatching.WindowDays), piece.LotId, candidates);
        foreach (var candidate in candidates)
        {
            if (match.Unmatched == 0m)
            {
                break;
            }

            var quantity = Math.Min(match.Unmatched, candidate.Lot.Quantity - candidate.Lot.ReplacementUsed);
            Replace(candidate.AccountId, candidate.InstrumentId, candidate.Lot, quantity, match.Take(quantity), sold);
        }

        var (purchases, next) = washSales.After(group, sale.TradeDate);
        var last = sale.TradeDate.AddDays(WashSaleMatching.WindowDays);
        for (; next < purchases.Count && purchases[next].Transaction.TradeDate <= last && match.Unmatched > 0m; next++)
        {
            var acquisition = purchases[next];
            var quantity = Math.Min(match.Unmatched, acquisition.Available);
            if (quantity > 0m)
            {
                acquisition.Available -= quantity;
                var claims = pending.TryGetValue(acquisition.Transaction.Id, out var list) ? list : pending[acquisition.Transaction.Id] = [];
                claims.Add(new PendingReplacement(quantity, match.Take(quantity), sold));
            }
        }

        return match.Disallowed;
    }

    /// <summary>A purchase that later loss sales already claimed as their replacement gets its adjustments as it opens.</summary>
    private void ApplyPendingReplacements(Transaction purchase, Account account)
    {
        if (washSales is null || !pending.Remove(purchase.Id, out var claims))
        {
            return;
        }

        var instrumentId = purchase.InstrumentId!.Value;
        var lot = Lots(account.Id, instrumentId).Find(purchase.Id)!;
        foreach (var claim in claims)
        {
            Replace(account.Id, instrumentId, lot, claim.Quantity, claim.Disallowed, claim.Sold);
        }
    }

    /// <summary>
    /// Marks <paramref name="quantity"/> units of <paramref name="lot"/> as the replacement. In a taxable
    /// account the units become a lot of their own (unless they are the whole lot) carrying the
    /// disallowed loss and the tacked holding period; elsewhere they are only marked as used.
    /// </summary>
    private void Replace(Guid accountId, Guid instrumentId, OpenLot lot, decimal quantity, decimal disallowed, SoldPiece sold)
    {
        var permanent = !accounts[accountId].Type.IsTaxable();
        var target = lot;
        if (permanent)
        {
            lot.ReplacementUsed += quantity;
        }
        else
        {
            if (quantity < lot.Quantity)
            {
                target = SplitOff(Lots(accountId, instrumentId), lot, quantity, sold.SaleId);
            }

            target.ReplacementUsed = target.Quantity;
            target.CostBasis += disallowed;
            target.HoldingStart = target.AcquiredDate.AddDays(-sold.HeldDays);
        }

        // A used-up lot leaves the index; a split can leave the rest of the lot eligible again.
        replacements!.Update(accountId, instrumentId, lot);

        adjustments.Add(new WashSaleAdjustment(
            sold.SaleId, sold.AccountId, sold.InstrumentId, sold.LotId, accountId, instrumentId, target.LotId, target.AcquiredDate,
            quantity, disallowed, permanent ? 0 : sold.HeldDays, permanent));
    }

    /// <summary>
    /// Cuts the replacement units into a lot whose id is derived from the lot's id, the sale's id and
    /// a counter (one sale can split one lot several times, once per loss piece): stable across rebuilds.
    /// </summary>
    private OpenLot SplitOff(LotBook book, OpenLot lot, decimal quantity, Guid saleId)
    {
        var piece = lot.Cut(quantity);
        // The first n whose id is free. Within one transaction no lot leaves a book while lots are
        // split, so the counters this transaction already used are still taken: start after them
        // instead of hashing 0, 1, … again for every loss piece of a long sale.
        var key = (book, lot.LotId, saleId);
        var n = splitCounters.GetValueOrDefault(key);
        var id = DerivedLotId.For(lot.LotId, saleId, n);
        while (book.Contains(id))
        {
            id = DerivedLotId.For(lot.LotId, saleId, ++n);
        }

        splitCounters[key] = n + 1;

        var split = new OpenLot(id, lot.AcquiredDate, quantity, piece.CostBasis) { HoldingStart = lot.HoldingStart };
        book.InsertAfter(lot, split);
        return split;
    }

    /// <summary>The sold piece a replacement inherits from: the loss's sale and lot and the days it was held.</summary>
    private readonly record struct SoldPiece(Guid SaleId, Guid AccountId, Guid InstrumentId, Guid LotId, int HeldDays);

    private readonly record struct PendingReplacement(decimal Quantity, decimal Disallowed, SoldPiece Sold);

    /// <summary>Shares a piece's loss over its matched units by count; the match that completes the piece takes the remainder.</summary>
    private struct LossMatch(decimal quantity, decimal loss)
    {
        private readonly decimal quantity = quantity;
        private readonly decimal loss = loss;

        public decimal Unmatched { get; private set; } = quantity;

        public decimal Disallowed { get; private set; }

        public decimal Take(decimal units)
        {
            Unmatched -= units;
            var part = Unmatched == 0m ? loss - Disallowed : loss * units / quantity;
            Disallowed += part;
            return part;
        }
    }
}
