using System.Globalization;
using Glidepath.Domain.Households;
using Glidepath.Domain.TaxLots.WashSales;

namespace Glidepath.Domain.Rebalancing;

/// <summary>
/// Brings each account's targets back inside their bands (docs/rebalancing.md). Per account, in id
/// order: pending cash flows count as cash first; targets outside their band are traded to their
/// target weight, sales first (lots chosen to minimise tax: losses, then long-term gains, then
/// short-term gains), then purchases from the cash left above the buffer. Never sells more than a
/// lot holds, never spends cash below the buffer, never creates a wash sale (such lots and buys are
/// skipped and the reason reported).
/// </summary>
public static class Rebalancer
{
    public static RebalanceProposal Propose(PortfolioSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var identical = new SubstantiallyIdenticalSecurities([], snapshot.SubstantiallyIdentical);
        var guard = new WashSaleGuard(snapshot, identical);
        var instruments = snapshot.Instruments.ToDictionary(i => i.Id);
        var trades = new List<ProposedTrade>();
        var drifts = new List<TargetDrift>();
        foreach (var account in snapshot.Accounts.OrderBy(a => a.Id))
        {
            var targets = snapshot.Targets.Where(t => t.AccountId is null || t.AccountId == account.Id).ToList();
            var run = new AccountRebalance(snapshot, account, targets, instruments, guard);
            run.Propose();
            trades.AddRange(run.Trades);
            drifts.AddRange(run.Drifts);
        }

        var taxable = snapshot.Accounts.Where(a => a.Type.IsTaxable()).Select(a => a.Id).ToHashSet();
        var tax = trades.Where(t => taxable.Contains(t.AccountId))
            .Sum(t => t.ShortTermGain * snapshot.TaxRates.ShortTerm + t.LongTermGain * snapshot.TaxRates.LongTerm);
        return new RebalanceProposal(trades, drifts, tax, trades.Count * snapshot.Settings.CostPerTrade);
    }
}

/// <summary>One account's part of a proposal.</summary>
internal sealed class AccountRebalance(
    PortfolioSnapshot snapshot,
    SnapshotAccount account,
    IReadOnlyList<AllocationTarget> targets,
    IReadOnlyDictionary<Guid, SnapshotInstrument> instruments,
    WashSaleGuard guard)
{
    private readonly Dictionary<Guid, decimal> quantity = account.Lots.GroupBy(l => l.InstrumentId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
    private readonly Dictionary<AllocationTarget, string> reasons = [];
    private decimal cash = account.Cash + account.PendingCashFlow;

    public List<ProposedTrade> Trades { get; } = [];

    public List<TargetDrift> Drifts { get; } = [];

    private RebalanceSettings Settings => snapshot.Settings;

    public void Propose()
    {
        var before = targets.ToDictionary(t => t, Drift);
        var value = Value();
        foreach (var target in targets.Where(t => before[t] > t.Band))
        {
            Sell(target, before[target] * value);
        }

        foreach (var target in targets.Where(t => -before[t] > t.Band))
        {
            Buy(target, -before[target] * value);
        }

        foreach (var target in targets)
        {
            var after = Drift(target);
            var inBand = Math.Abs(after) <= target.Band;
            Drifts.Add(new TargetDrift(
                account.Id, target, before[target], after, inBand,
                inBand ? null : reasons.GetValueOrDefault(target, "Whole-unit rounding, the minimum trade size and costs leave it outside its band.")));
        }
    }

    private void Sell(AllocationTarget target, decimal amount)
    {
        foreach (var instrumentId in Members(target).OrderBy(id => id))
        {
            if (amount <= 0m)
            {
                break;
            }

            var price = instruments[instrumentId].Price;
            var lots = account.Lots.Where(l => l.InstrumentId == instrumentId).Select(l => (Lot: l, Gain: price - l.CostBasis / l.Quantity))
                .OrderBy(l => TaxOrder(l.Lot, l.Gain)).ThenBy(l => l.Gain).ThenBy(l => l.Lot.LotId);
            var sales = new List<LotSale>();
            var units = 0m;
            foreach (var (lot, unitGain) in lots)
            {
                var need = (amount / price) - units;
                if (Units(need) <= 0m)
                {
                    break;
                }

                // A whole-unit account cannot sell a lot's fraction alone; the next lot may have whole units.
                var wanted = Units(Math.Min(lot.Quantity, need));
                if (wanted <= 0m)
                {
                    continue;
                }

                if (unitGain < 0m && account.Type.IsTaxable() && guard.BlocksLossSale(instrumentId, lot.LotId) is { } why)
                {
                    reasons[target] = $"A loss sale of {instruments[instrumentId].Symbol} would be a wash sale: {why}.";
                    continue;
                }

                sales.Add(new LotSale(lot.LotId, wanted, wanted * unitGain, lot.IsLongTermOn(snapshot.AsOf)));
                units += wanted;
            }

            if (Place(target, instrumentId, TradeSide.Sell, units, sales))
            {
                amount -= units * price;
                if (account.Type.IsTaxable() && sales.Any(s => s.Gain < 0m))
                {
                    guard.SoldAtLoss(instrumentId);
                }
            }
        }
    }

    private void Buy(AllocationTarget target, decimal amount)
    {
        if (target.Buys is not { } instrumentId || !instruments.TryGetValue(instrumentId, out var instrument))
        {
            reasons[target] = "The target names no instrument to buy.";
            return;
        }

        if (guard.BlocksBuy(instrumentId) is { } why)
        {
            reasons[target] = $"Buying {instrument.Symbol} would create a wash sale: {why}.";
            return;
        }

        var spendable = cash - Settings.CashBuffer - Settings.CostPerTrade;
        if (spendable < amount)
        {
            reasons[target] = "There is not enough cash above the buffer to reach the target.";
        }

        if (Place(target, instrumentId, TradeSide.Buy, Units(Math.Min(amount, spendable) / instrument.Price), []))
        {
            guard.Bought(instrumentId);
        }
    }

    /// <summary>Books the trade if it is worth the minimum trade size and keeps cash at or above the buffer.</summary>
    private bool Place(AllocationTarget target, Guid instrumentId, TradeSide side, decimal units, List<LotSale> sales)
    {
        var instrument = instruments[instrumentId];
        var value = units * instrument.Price;
        var cashAfter = cash + (side == TradeSide.Sell ? value : -value) - Settings.CostPerTrade;
        if (units <= 0m || value < Settings.MinTradeAmount || cashAfter < Math.Min(Settings.CashBuffer, cash))
        {
            reasons.TryAdd(target, $"A trade in {instrument.Symbol} would be below the minimum trade size or leave cash below the buffer.");
            return false;
        }

        cash = cashAfter;
        quantity[instrumentId] = quantity.GetValueOrDefault(instrumentId) + (side == TradeSide.Sell ? -units : units);
        Trades.Add(new ProposedTrade(
            account.Id, instrumentId, side, units, instrument.Price, sales,
            sales.Where(s => !s.LongTerm).Sum(s => s.Gain), sales.Where(s => s.LongTerm).Sum(s => s.Gain),
            Reason(target, side, instrument)));
        return true;
    }

    private string Reason(AllocationTarget target, TradeSide side, SnapshotInstrument instrument) => side == TradeSide.Sell
        ? string.Create(CultureInfo.InvariantCulture, $"Sell {instrument.Symbol}: {Label(target)} is above its {target.Weight:P1} target by more than its {target.Band:P1} band; lots with losses go first, then long-term gains, short-term last.")
        : string.Create(CultureInfo.InvariantCulture, $"Buy {instrument.Symbol}: {Label(target)} is below its {target.Weight:P1} target by more than its {target.Band:P1} band; paid from pending cash and sale proceeds.");

    private string Label(AllocationTarget target) =>
        target.InstrumentId is { } id && instruments.TryGetValue(id, out var i) ? i.Symbol : $"{target.AssetClass}";

    /// <summary>Weight held minus target weight, of the account's value now (holdings + cash).</summary>
    private decimal Drift(AllocationTarget target)
    {
        var value = Value();
        return value <= 0m ? 0m : (Members(target).Sum(id => quantity.GetValueOrDefault(id) * instruments[id].Price) / value) - target.Weight;
    }

    private decimal Value() => cash + quantity.Sum(q => q.Value * instruments[q.Key].Price);

    /// <summary>The instrument itself, or the held and buyable instruments of the class without a target of their own.</summary>
    private IEnumerable<Guid> Members(AllocationTarget target) =>
        target.InstrumentId is { } id ? [id]
            : instruments.Values.Where(i => i.AssetClass == target.AssetClass && !targets.Any(t => t.InstrumentId == i.Id)).Select(i => i.Id);

    private decimal Units(decimal units) => units <= 0m ? 0m : account.FractionalShares ? decimal.Round(units, 6, MidpointRounding.ToZero) : decimal.Floor(units);

    /// <summary>Losses first, then long-term gains, short-term gains last.</summary>
    private int TaxOrder(SnapshotLot lot, decimal unitGain) => unitGain < 0m ? 0 : lot.IsLongTermOn(snapshot.AsOf) ? 1 : 2;
}
