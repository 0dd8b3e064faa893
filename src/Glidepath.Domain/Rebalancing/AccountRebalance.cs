using System.Globalization;
using Glidepath.Domain.Households;

namespace Glidepath.Domain.Rebalancing;

/// <summary>
/// One account's trades: its holdings, cash and lots as the proposal changes them. Used alone (each
/// account against its targets) or driven by <see cref="HouseholdRebalance"/> (asset location).
/// </summary>
internal sealed class AccountRebalance
{
    private const string DefaultDriftReason = "Whole-unit rounding, the minimum trade size and costs leave it outside its band.";

    private readonly PortfolioSnapshot snapshot;
    private readonly IReadOnlyList<AllocationTarget> targets;
    private readonly IReadOnlyDictionary<Guid, SnapshotInstrument> instruments;
    private readonly WashSaleGuard guard;
    private readonly Dictionary<Guid, decimal> quantity;
    private readonly Dictionary<Guid, decimal> lotLeft;
    private readonly Dictionary<AllocationTarget, Guid[]> members = [];

    public AccountRebalance(
        PortfolioSnapshot snapshot,
        SnapshotAccount account,
        IReadOnlyList<AllocationTarget> targets,
        IReadOnlyDictionary<Guid, SnapshotInstrument> instruments,
        WashSaleGuard guard)
    {
        (this.snapshot, Account, this.targets, this.instruments, this.guard) = (snapshot, account, targets, instruments, guard);
        quantity = account.Lots.GroupBy(l => l.InstrumentId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        lotLeft = account.Lots.ToDictionary(l => l.LotId, l => l.Quantity);
        Cash = account.Cash + account.PendingCashFlow;
    }

    public SnapshotAccount Account { get; }

    /// <summary>Cash now: the account's cash, pending flows and the trades so far.</summary>
    public decimal Cash { get; private set; }

    public List<ProposedTrade> Trades { get; } = [];

    public List<TargetDrift> Drifts { get; } = [];

    /// <summary>Why a target could not be traded as wanted (reported when it stays outside its band).</summary>
    public Dictionary<AllocationTarget, string> Reasons { get; } = [];

    public List<string> Warnings { get; } = [];

    private RebalanceSettings Settings => snapshot.Settings;

    /// <summary>
    /// The account against its own targets: out-of-band overweight targets sold to their weight, cash
    /// raised for a pending withdrawal, then out-of-band underweight targets bought from the cash above the buffer.
    /// </summary>
    public void Propose()
    {
        var before = targets.ToDictionary(t => t, Drift);
        var value = Value();
        foreach (var target in targets.Where(t => before[t] > t.Band))
        {
            Sell(target, before[target] * value);
        }

        RaiseCash();
        foreach (var target in targets.Where(t => -before[t] > t.Band))
        {
            Buy(target, -before[target] * value);
        }

        foreach (var target in targets)
        {
            var after = Drift(target);
            var inBand = Math.Abs(after) <= target.Band;
            Drifts.Add(new TargetDrift(Account.Id, target, before[target], after, inBand, inBand ? null : Reasons.GetValueOrDefault(target, DefaultDriftReason)));
        }
    }

    /// <summary>
    /// A pending withdrawal larger than the cash: sells from the most overweight targets first (lots in
    /// tax order) until cash is back at the buffer, or at what the account held before the withdrawal if
    /// that was less. Holdings in no target are left alone; a shortfall left is a warning.
    /// </summary>
    public void RaiseCash()
    {
        var wanted = Math.Min(Settings.CashBuffer, Math.Max(Account.Cash, 0m));
        if (Account.PendingCashFlow >= 0m || Cash >= wanted)
        {
            return;
        }

        var withdrawal = -Account.PendingCashFlow;
        foreach (var target in targets.OrderByDescending(Drift).ThenBy(t => t.Weight))
        {
            if (Cash >= wanted)
            {
                break;
            }

            Sell(target, Math.Max(wanted - Cash + Settings.CostPerTrade, Settings.MinTradeAmount), i => string.Create(
                CultureInfo.InvariantCulture,
                $"Sell {i.Symbol} to raise cash for a pending withdrawal of {withdrawal:N2} that the account's cash does not cover; lots with losses go first, then long-term gains, short-term last."), roundUp: true);
        }

        if (Cash < 0m)
        {
            Warnings.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{Account.Name}: a pending withdrawal of {withdrawal:N2} leaves cash at {Cash:N2}; the holdings in its targets cannot cover it (holdings in no target are left alone)."));
        }
    }

    /// <summary>
    /// Sells up to <paramref name="amount"/> of the target's members, lots in tax order (losses, long-term
    /// gains, short-term gains); units rounded down, or up when raising cash. Returns the proceeds.
    /// </summary>
    public decimal Sell(AllocationTarget target, decimal amount, Func<SnapshotInstrument, string>? why = null, bool roundUp = false)
    {
        var proceeds = 0m;
        foreach (var instrumentId in Members(target))
        {
            var price = instruments[instrumentId].Price;
            if (amount <= 0m || price <= 0m || quantity.GetValueOrDefault(instrumentId) <= 0m)
            {
                continue;
            }

            var lots = Account.Lots.Where(l => l.InstrumentId == instrumentId && lotLeft[l.LotId] > 0m)
                .Select(l => (Lot: l, Gain: price - (l.CostBasis / l.Quantity)))
                .OrderBy(l => TaxOrder(l.Lot, l.Gain)).ThenBy(l => l.Gain).ThenBy(l => l.Lot.LotId);
            var sales = new List<LotSale>();
            var units = 0m;
            foreach (var (lot, unitGain) in lots)
            {
                var need = Units((amount / price) - units, roundUp);
                if (need <= 0m)
                {
                    break;
                }

                // A whole-unit account cannot sell a lot's fraction alone; the next lot may have whole units.
                var take = Math.Min(need, Units(lotLeft[lot.LotId], roundUp: false));
                if (take <= 0m)
                {
                    continue;
                }

                if (unitGain < 0m && Account.Type.IsTaxable() && guard.BlocksLossSale(instrumentId, lot.LotId) is { } blocked)
                {
                    Reasons[target] = $"A loss sale of {instruments[instrumentId].Symbol} would be a wash sale: {blocked}.";
                    continue;
                }

                sales.Add(new LotSale(lot.LotId, take, take * unitGain, lot.IsLongTermOn(snapshot.AsOf)));
                units += take;
            }

            if (Place(target, instrumentId, TradeSide.Sell, units, sales, why))
            {
                amount -= units * price;
                proceeds += units * price;
                foreach (var sale in sales)
                {
                    lotLeft[sale.LotId] -= sale.Quantity;
                }

                if (Account.Type.IsTaxable() && sales.Any(s => s.Gain < 0m))
                {
                    guard.SoldAtLoss(instrumentId);
                }
            }
        }

        return proceeds;
    }

    /// <summary>Buys up to <paramref name="amount"/> of what the target buys, from the cash above the buffer. Returns the amount spent.</summary>
    public decimal Buy(AllocationTarget target, decimal amount, Func<SnapshotInstrument, string>? why = null)
    {
        if (target.Buys is not { } instrumentId || !instruments.TryGetValue(instrumentId, out var instrument) || instrument.Price <= 0m)
        {
            Reasons[target] = "The target names no instrument to buy.";
            return 0m;
        }

        if (guard.BlocksBuy(instrumentId) is { } blocked)
        {
            Reasons[target] = $"Buying {instrument.Symbol} would create a wash sale: {blocked}.";
            return 0m;
        }

        var spendable = Cash - Settings.CashBuffer - Settings.CostPerTrade;
        if (spendable < amount)
        {
            Reasons[target] = "There is not enough cash above the buffer to reach the target.";
        }

        var units = Units(Math.Min(amount, spendable) / instrument.Price, roundUp: false);
        if (!Place(target, instrumentId, TradeSide.Buy, units, [], why))
        {
            return 0m;
        }

        guard.Bought(instrumentId);
        return units * instrument.Price;
    }

    /// <summary>Weight held minus target weight, of the account's value now (holdings + cash).</summary>
    public decimal Drift(AllocationTarget target)
    {
        var value = Value();
        return value <= 0m ? 0m : (Held(target) / value) - target.Weight;
    }

    /// <summary>Holdings at their prices plus cash.</summary>
    public decimal Value() => Cash + quantity.Sum(q => q.Value * instruments[q.Key].Price);

    /// <summary>The value of the target's members held now.</summary>
    public decimal Held(AllocationTarget target) => Members(target).Sum(id => quantity.GetValueOrDefault(id) * instruments[id].Price);

    /// <summary>The value of holdings in no target (left alone).</summary>
    public decimal Untargeted()
    {
        var inTargets = targets.SelectMany(Members).ToHashSet();
        return quantity.Where(q => !inTargets.Contains(q.Key)).Sum(q => q.Value * instruments[q.Key].Price);
    }

    /// <summary>Books the trade if it is worth the minimum trade size and keeps cash at or above the buffer.</summary>
    private bool Place(AllocationTarget target, Guid instrumentId, TradeSide side, decimal units, List<LotSale> sales, Func<SnapshotInstrument, string>? why)
    {
        var instrument = instruments[instrumentId];
        var value = units * instrument.Price;
        var cashAfter = Cash + (side == TradeSide.Sell ? value : -value) - Settings.CostPerTrade;
        if (units <= 0m || value < Settings.MinTradeAmount || cashAfter < Math.Min(Settings.CashBuffer, Cash))
        {
            Reasons.TryAdd(target, $"A trade in {instrument.Symbol} would be below the minimum trade size or leave cash below the buffer.");
            return false;
        }

        Cash = cashAfter;
        quantity[instrumentId] = quantity.GetValueOrDefault(instrumentId) + (side == TradeSide.Sell ? -units : units);
        Trades.Add(new ProposedTrade(
            Account.Id, instrumentId, side, units, instrument.Price, sales,
            sales.Where(s => !s.LongTerm).Sum(s => s.Gain), sales.Where(s => s.LongTerm).Sum(s => s.Gain),
            why?.Invoke(instrument) ?? Reason(target, side, instrument)));
        return true;
    }

    private string Reason(AllocationTarget target, TradeSide side, SnapshotInstrument instrument) => side == TradeSide.Sell
        ? string.Create(CultureInfo.InvariantCulture, $"Sell {instrument.Symbol}: {Label(target)} is above its {target.Weight:P1} target by more than its {target.Band:P1} band; lots with losses go first, then long-term gains, short-term last.")
        : string.Create(CultureInfo.InvariantCulture, $"Buy {instrument.Symbol}: {Label(target)} is below its {target.Weight:P1} target by more than its {target.Band:P1} band; paid from pending cash and sale proceeds.");

    private string Label(AllocationTarget target) =>
        target.InstrumentId is { } id && instruments.TryGetValue(id, out var i) ? i.Symbol : $"{target.AssetClass}";

    /// <summary>The instrument itself, or the instruments of the class without a target of their own; in id order.</summary>
    private Guid[] Members(AllocationTarget target)
    {
        if (!members.TryGetValue(target, out var ids))
        {
            ids = target.InstrumentId is { } id ? [id]
                : [.. instruments.Values.Where(i => i.AssetClass == target.AssetClass && !targets.Any(t => t.InstrumentId == i.Id)).Select(i => i.Id).Order()];
            members[target] = ids;
        }

        return ids;
    }

    /// <summary>Tradable units: whole units unless the account allows fractions (6 decimals); rounded down, or up.</summary>
    private decimal Units(decimal units, bool roundUp) => units <= 0m ? 0m
        : Account.FractionalShares ? decimal.Round(units, 6, roundUp ? MidpointRounding.ToPositiveInfinity : MidpointRounding.ToZero)
        : roundUp ? decimal.Ceiling(units) : decimal.Floor(units);

    /// <summary>Losses first, then long-term gains, short-term gains last.</summary>
    private int TaxOrder(SnapshotLot lot, decimal unitGain) => unitGain < 0m ? 0 : lot.IsLongTermOn(snapshot.AsOf) ? 1 : 2;
}
