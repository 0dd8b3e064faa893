using System.Globalization;
using Glidepath.Domain.Households;
using Glidepath.Domain.TaxLots.WashSales;

namespace Glidepath.Domain.Rebalancing;

/// <summary>
/// Brings targets back inside their bands (docs/rebalancing.md). Per account, in id order: pending
/// cash flows count as cash first; targets outside their band are traded to their target weight,
/// sales first (lots chosen to minimise tax: losses, then long-term gains, then short-term gains),
/// cash is raised for a pending withdrawal larger than the cash, then purchases from the cash left
/// above the buffer. With <see cref="PortfolioSnapshot.AssetLocation"/>, household targets apply to
/// the household's total and <see cref="HouseholdRebalance"/> decides which account holds what.
/// Never sells more than a lot holds, never spends cash below the buffer, never creates a wash sale
/// (such lots and buys are skipped and the reason reported).
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
        var warnings = new List<string>();
        if (snapshot.AssetLocation)
        {
            var household = new HouseholdRebalance(snapshot, instruments, guard);
            household.Propose();
            trades.AddRange(household.Trades);
            drifts.AddRange(household.Drifts);
            warnings.AddRange(household.Warnings);
        }
        else
        {
            foreach (var account in snapshot.Accounts.OrderBy(a => a.Id))
            {
                var targets = snapshot.Targets.Where(t => t.AccountId is null || t.AccountId == account.Id).ToList();
                var run = new AccountRebalance(snapshot, account, targets, instruments, guard);
                run.Propose();
                trades.AddRange(run.Trades);
                drifts.AddRange(run.Drifts);
                warnings.AddRange(run.Warnings);
            }
        }

        var taxable = snapshot.Accounts.Where(a => a.Type.IsTaxable()).Select(a => a.Id).ToHashSet();
        var tax = trades.Where(t => taxable.Contains(t.AccountId))
            .Sum(t => t.ShortTermGain * snapshot.TaxRates.ShortTerm + t.LongTermGain * snapshot.TaxRates.LongTerm);
        return new RebalanceProposal(trades, drifts, tax, trades.Count * snapshot.Settings.CostPerTrade, warnings);
    }
}
