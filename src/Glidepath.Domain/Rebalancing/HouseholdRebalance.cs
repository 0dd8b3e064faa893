using System.Globalization;
using Glidepath.Domain.Instruments;

namespace Glidepath.Domain.Rebalancing;

/// <summary>
/// Household targets on the household's total investable value, with asset location
/// (docs/rebalancing.md, "Asset location"). Each account trades only within its own cash and sales.
/// Taxable accounts keep their lots (a sale there realises tax) and only buy with their cash; the
/// tax-deferred and tax-free accounts take the rest of each target, placed by <see cref="AssetLocation"/>'s
/// order, and trade freely to that placement. Targets still outside their band afterwards are sold in
/// taxable accounts (lots as in the per-account mode) and bought with the cash left anywhere.
/// </summary>
internal sealed class HouseholdRebalance(PortfolioSnapshot snapshot, IReadOnlyDictionary<Guid, SnapshotInstrument> instruments, WashSaleGuard guard)
{
    private const string DefaultDriftReason = "Whole-unit rounding, the minimum trade size and costs leave it outside its band.";

    private readonly List<AccountRebalance> runs = [];

    public List<ProposedTrade> Trades { get; } = [];

    public List<TargetDrift> Drifts { get; } = [];

    public List<string> Warnings { get; } = [];

    private RebalanceSettings Settings => snapshot.Settings;

    public void Propose()
    {
        var targets = snapshot.Targets.Where(t => t.AccountId is null).ToList();
        var own = snapshot.Targets.Select(t => t.AccountId).OfType<Guid>().ToHashSet();
        var pool = new List<Located>();
        foreach (var account in snapshot.Accounts.OrderBy(a => a.Id))
        {
            if (own.Contains(account.Id))
            {
                // An account with targets of its own keeps them: rebalanced alone, outside the household total.
                var alone = new AccountRebalance(snapshot, account, [.. snapshot.Targets.Where(t => t.AccountId == account.Id)], instruments, guard);
                alone.Propose();
                runs.Add(alone);
                Drifts.AddRange(alone.Drifts);
            }
            else if (AssetLocation.TreatmentOf(account.Type) is { } treatment)
            {
                var run = new AccountRebalance(snapshot, account, targets, instruments, guard);
                runs.Add(run);
                pool.Add(new Located(run, treatment));
            }
        }

        if (targets.Count > 0 && pool.Count > 0)
        {
            Locate(pool, targets);
        }

        foreach (var run in runs)
        {
            Trades.AddRange(run.Trades);
            Warnings.AddRange(run.Warnings);
        }
    }

    private void Locate(List<Located> pool, List<AllocationTarget> targets)
    {
        var before = targets.ToDictionary(t => t, t => Drift(pool, t));
        var taxable = pool.Where(p => p.Treatment == TaxTreatment.Taxable).ToList();
        var sheltered = pool.Where(p => p.Treatment != TaxTreatment.Taxable).OrderBy(p => p.Treatment).ThenBy(p => p.Run.Account.Id).ToList();

        // Taxable accounts keep their lots; only a pending withdrawal larger than the cash sells there first.
        taxable.ForEach(p => p.Run.RaiseCash());
        var (plan, unplaced) = Place(pool, targets);

        foreach (var p in sheltered)
        {
            foreach (var target in targets)
            {
                var (held, planned) = (p.Run.Held(target), plan.GetValueOrDefault((p.Run, target)));
                if (held > planned)
                {
                    p.Run.Sell(target, held - planned, i => SellToLocate(p, i, held, planned));
                }
            }

            p.Run.RaiseCash();
            foreach (var target in Preferred(targets, p.Treatment))
            {
                var gap = plan.GetValueOrDefault((p.Run, target)) - p.Run.Held(target);
                if (gap > 0m)
                {
                    p.Run.Buy(target, gap, i => BuyToLocate(p, i, target));
                }
            }
        }

        foreach (var p in taxable)
        {
            foreach (var target in Preferred(targets, p.Treatment))
            {
                if (plan.GetValueOrDefault((p.Run, target)) is var amount && amount > 0m)
                {
                    p.Run.Buy(target, amount, i => BuyToLocate(p, i, target));
                }
            }
        }

        Band(pool, taxable, targets);
        foreach (var target in targets)
        {
            var after = Drift(pool, target);
            var inBand = Math.Abs(after) <= target.Band;
            Drifts.Add(new TargetDrift(Guid.Empty, target, before[target], after, inBand, inBand ? null : Reason(pool, target, unplaced)));
        }
    }

    /// <summary>
    /// Dollar amounts per (account, target). A target's need is its weight of the household total less what
    /// the taxable accounts hold of it; needs fill the accounts' room in rounds (each category's first choice
    /// of account, then its second, then its third). Room: a tax-advantaged account's value less the buffer and
    /// its holdings in no target; a taxable account's cash above the buffer (its holdings stay).
    /// </summary>
    private (Dictionary<(AccountRebalance, AllocationTarget), decimal> Plan, Dictionary<AllocationTarget, decimal> Unplaced) Place(
        List<Located> pool, List<AllocationTarget> targets)
    {
        var value = pool.Sum(p => p.Run.Value());
        var need = targets.ToDictionary(
            t => t, t => (t.Weight * value) - pool.Where(p => p.Treatment == TaxTreatment.Taxable).Sum(p => p.Run.Held(t)));
        var room = pool.ToDictionary(p => p.Run, p => Math.Max(0m, p.Treatment == TaxTreatment.Taxable
            ? p.Run.Cash - Settings.CashBuffer
            : p.Run.Value() - Settings.CashBuffer - p.Run.Untargeted()));
        var plan = new Dictionary<(AccountRebalance, AllocationTarget), decimal>();
        for (var choice = 0; choice < 3; choice++)
        {
            foreach (var category in Enum.GetValues<LocationCategory>())
            {
                var treatment = AssetLocation.Preference(category)[choice];
                foreach (var target in targets.Where(t => AssetLocation.CategoryOf(ClassOf(t)) == category).OrderBy(t => AssetLocation.RankOf(ClassOf(t))))
                {
                    foreach (var p in pool.Where(p => p.Treatment == treatment).OrderByDescending(p => p.Run.Held(target)).ThenBy(p => p.Run.Account.Id))
                    {
                        var take = Math.Min(need[target], room[p.Run]);
                        if (take > 0m)
                        {
                            plan[(p.Run, target)] = plan.GetValueOrDefault((p.Run, target)) + take;
                            (room[p.Run], need[target]) = (room[p.Run] - take, need[target] - take);
                        }
                    }
                }
            }
        }

        return (plan, need.Where(n => n.Value > Settings.MinTradeAmount).ToDictionary(n => n.Key, n => n.Value));
    }

    /// <summary>
    /// Targets still outside their band: overweight ones sold in taxable accounts down to their weight (lots
    /// in tax order), then underweight ones bought with the cash left in any account, best-placed account first.
    /// </summary>
    private void Band(List<Located> pool, List<Located> taxable, List<AllocationTarget> targets)
    {
        var value = pool.Sum(p => p.Run.Value());
        foreach (var target in targets)
        {
            var drift = Drift(pool, target);
            var excess = drift * value;
            if (drift <= target.Band)
            {
                continue;
            }

            foreach (var p in taxable.OrderByDescending(p => p.Run.Held(target)).ThenBy(p => p.Run.Account.Id))
            {
                if (excess > 0m)
                {
                    excess -= p.Run.Sell(target, Math.Min(excess, p.Run.Held(target)), i => SellForBand(p, i, target, drift));
                }
            }
        }

        foreach (var target in targets)
        {
            var drift = Drift(pool, target);
            var deficit = -drift * value;
            if (-drift <= target.Band)
            {
                continue;
            }

            var order = AssetLocation.Preference(AssetLocation.CategoryOf(ClassOf(target)));
            foreach (var p in pool.OrderBy(p => order.ToList().IndexOf(p.Treatment)).ThenBy(p => p.Run.Account.Id))
            {
                var spendable = p.Run.Cash - Settings.CashBuffer - Settings.CostPerTrade;
                if (deficit > 0m && spendable > 0m)
                {
                    deficit -= p.Run.Buy(target, Math.Min(deficit, spendable), i => BuyForBand(p, i, target, drift));
                }
            }
        }
    }

    /// <summary>Household weight held minus target weight, of the pooled accounts' value now.</summary>
    private static decimal Drift(List<Located> pool, AllocationTarget target)
    {
        var value = pool.Sum(p => p.Run.Value());
        return value <= 0m ? 0m : (pool.Sum(p => p.Run.Held(target)) / value) - target.Weight;
    }

    private static string Reason(List<Located> pool, AllocationTarget target, Dictionary<AllocationTarget, decimal> unplaced)
    {
        var reasons = pool.Select(p => p.Run.Reasons.GetValueOrDefault(target)).OfType<string>().ToList();
        return reasons.Find(r => r.Contains("wash sale", StringComparison.Ordinal))
            ?? (unplaced.TryGetValue(target, out var left)
                ? string.Create(CultureInfo.InvariantCulture, $"No account has room for the rest of it: {left:N2} could not be placed without selling taxable holdings beyond the band.")
                : null)
            ?? reasons.FirstOrDefault()
            ?? DefaultDriftReason;
    }

    /// <summary>The targets in the order an account of this treatment prefers them (its first-choice category first).</summary>
    private List<AllocationTarget> Preferred(List<AllocationTarget> targets, TaxTreatment treatment) =>
        [.. targets.OrderBy(t => AssetLocation.Preference(AssetLocation.CategoryOf(ClassOf(t))).ToList().IndexOf(treatment))
            .ThenBy(t => AssetLocation.RankOf(ClassOf(t)))];

    private AssetClass ClassOf(AllocationTarget target) =>
        target.InstrumentId is { } id && instruments.TryGetValue(id, out var instrument) ? instrument.AssetClass : target.AssetClass ?? AssetClass.UsEquity;

    private static string AccountLabel(Located p) => $"{p.Run.Account.Name} ({AssetLocation.Describe(p.Run.Account.Type)})";

    private static string What(SnapshotInstrument i) => $"{AssetLocation.Describe(i.AssetClass)} ({i.Symbol})";

    private string BuyToLocate(Located p, SnapshotInstrument i, AllocationTarget target)
    {
        var category = AssetLocation.CategoryOf(ClassOf(target));
        var first = AssetLocation.Preference(category)[0];
        var why = first == p.Treatment ? "" : $", because the {AssetLocation.Describe(first)} accounts have no room left for it";
        var paid = p.Treatment == TaxTreatment.Taxable ? ", paid from its cash" : "";
        return $"Buys {What(i)} in {AccountLabel(p)}: {AssetLocation.Describe(category)} placed in a {AssetLocation.Describe(p.Treatment)} account{why}{paid}.";
    }

    private static string SellToLocate(Located p, SnapshotInstrument i, decimal held, decimal planned)
    {
        var category = AssetLocation.CategoryOf(i.AssetClass);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Sells {What(i)} in {AccountLabel(p)}: asset location gives this {AssetLocation.Describe(p.Treatment)} account {planned:N2} of it instead of {held:N2} ({AssetLocation.Describe(category)} goes to {AssetLocation.Describe(AssetLocation.Preference(category)[0])} accounts first); a tax-advantaged account realises no tax.");
    }

    private static string SellForBand(Located p, SnapshotInstrument i, AllocationTarget target, decimal drift) => string.Create(
        CultureInfo.InvariantCulture,
        $"Sells {What(i)} in {AccountLabel(p)}: the household holds {drift:P1} above its {target.Weight:P1} target, beyond its {target.Band:P1} band, and the tax-advantaged accounts cannot absorb it; lots with losses go first, then long-term gains, short-term last.");

    private static string BuyForBand(Located p, SnapshotInstrument i, AllocationTarget target, decimal drift) => string.Create(
        CultureInfo.InvariantCulture,
        $"Buys {What(i)} in {AccountLabel(p)}: the household holds {-drift:P1} below its {target.Weight:P1} target, beyond its {target.Band:P1} band; paid from this account's cash.");

    private sealed record Located(AccountRebalance Run, TaxTreatment Treatment);
}
