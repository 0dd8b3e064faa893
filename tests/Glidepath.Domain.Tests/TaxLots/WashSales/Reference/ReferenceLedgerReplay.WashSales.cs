using System.Security.Cryptography;
using Glidepath.Domain.Households;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.TaxLots;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Domain.Transactions;

namespace Glidepath.Domain.Tests.TaxLots.WashSales.Reference;

/// <summary>The wash-sale part of the reference replay (verbatim copy; see <see cref="ReferenceLedgerReplay"/>).</summary>
internal sealed partial class ReferenceLedgerReplay
{
    private readonly ReferenceWashSaleMatching? washSales;
    private readonly List<WashSaleAdjustment> adjustments = [];
    private readonly Dictionary<Guid, List<PendingReplacement>> pending = [];

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

        foreach (var candidate in OpenReplacements(group, sale.TradeDate, piece.LotId))
        {
            if (match.Unmatched == 0m)
            {
                break;
            }

            var quantity = Math.Min(match.Unmatched, candidate.Lot.Quantity - candidate.Lot.ReplacementUsed);
            Replace(candidate.AccountId, candidate.InstrumentId, candidate.Lot, quantity, match.Take(quantity), sold);
        }

        foreach (var acquisition in washSales.After(group, sale.TradeDate))
        {
            if (match.Unmatched == 0m)
            {
                break;
            }

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
        var lot = Lots(account.Id, instrumentId).Find(l => l.LotId == purchase.Id)!;
        foreach (var claim in claims)
        {
            Replace(account.Id, instrumentId, lot, claim.Quantity, claim.Disallowed, claim.Sold);
        }
    }

    /// <summary>Open, unused units of the group bought in the 30 days up to the sale (any account), earliest first; never the sold lot itself.</summary>
    private List<(Guid AccountId, Guid InstrumentId, OpenLot Lot)> OpenReplacements(Guid group, DateOnly saleDate, Guid soldLotId)
    {
        var first = saleDate.AddDays(-ReferenceWashSaleMatching.WindowDays);
        return books
            .Where(b => washSales!.Identical.GroupOf(b.Key.Instrument) == group)
            .SelectMany(b => b.Value.Select(lot => (b.Key.Account, b.Key.Instrument, Lot: lot)))
            .Where(c => c.Lot.AcquiredDate >= first && c.Lot.AcquiredDate <= saleDate && c.Lot.LotId != soldLotId
                && c.Lot.ReplacementUsed < c.Lot.Quantity)
            .OrderBy(c => c.Lot.AcquiredDate).ThenBy(c => c.Lot.LotId).ThenBy(c => c.Account)
            .ToList();
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

        adjustments.Add(new WashSaleAdjustment(
            sold.SaleId, sold.AccountId, sold.InstrumentId, sold.LotId, accountId, instrumentId, target.LotId, target.AcquiredDate,
            quantity, disallowed, permanent ? 0 : sold.HeldDays, permanent));
    }

    /// <summary>
    /// Cuts the replacement units into a lot whose id is derived from the lot's id, the sale's id and
    /// a counter (one sale can split one lot several times, once per loss piece): stable across rebuilds.
    /// </summary>
    private static OpenLot SplitOff(List<OpenLot> lots, OpenLot lot, decimal quantity, Guid saleId)
    {
        var piece = lot.Cut(quantity);
        var id = Enumerable.Range(0, int.MaxValue).Select(n => DerivedLotId(lot.LotId, saleId, n)).First(id => !lots.Exists(l => l.LotId == id));
        var split = new OpenLot(id, lot.AcquiredDate, quantity, piece.CostBasis) { HoldingStart = lot.HoldingStart };
        lots.Insert(lots.IndexOf(lot) + 1, split);
        return split;
    }

    private static Guid DerivedLotId(Guid lotId, Guid saleId, int counter)
    {
        Span<byte> input = stackalloc byte[36];
        lotId.TryWriteBytes(input[..16]);
        saleId.TryWriteBytes(input[16..32]);
        BitConverter.TryWriteBytes(input[32..], counter);
        return new Guid(SHA256.HashData(input)[..16]);
    }

    /// <summary>The sold piece a replacement inherits from: the loss's sale and lot and the days it was held.</summary>
    private sealed record SoldPiece(Guid SaleId, Guid AccountId, Guid InstrumentId, Guid LotId, int HeldDays);

    private sealed record PendingReplacement(decimal Quantity, decimal Disallowed, SoldPiece Sold);

    /// <summary>Shares a piece's loss over its matched units by count; the match that completes the piece takes the remainder.</summary>
    private sealed class LossMatch(decimal quantity, decimal loss)
    {
        private readonly decimal quantity = quantity;

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
