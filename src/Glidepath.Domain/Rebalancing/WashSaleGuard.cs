using Glidepath.Domain.Households;
using Glidepath.Domain.TaxLots.WashSales;

namespace Glidepath.Domain.Rebalancing;

/// <summary>
/// Keeps a proposal from creating a wash sale anywhere in the household: no loss sale (in a taxable
/// account) of a group bought in the 30 days before or scheduled in the 30 days after, or bought by
/// this proposal; no purchase of a group with a loss sale in the last 30 days or in this proposal.
/// </summary>
internal sealed class WashSaleGuard
{
    private readonly SubstantiallyIdenticalSecurities identical;
    private readonly HashSet<Guid> bought = [];
    private readonly HashSet<Guid> soldAtLoss = [];
    private readonly Dictionary<Guid, HashSet<Guid>> recentLots = [];

    public WashSaleGuard(PortfolioSnapshot snapshot, SubstantiallyIdenticalSecurities identical)
    {
        this.identical = identical;
        var (from, to) = (snapshot.AsOf.AddDays(-WashSaleMatching.WindowDays), snapshot.AsOf.AddDays(WashSaleMatching.WindowDays));
        var taxable = snapshot.Accounts.Where(a => a.Type.IsTaxable()).Select(a => a.Id).ToHashSet();
        foreach (var trade in snapshot.RecentAndScheduledTrades.Where(t => t.Date >= from && t.Date <= to))
        {
            if (trade.Side == TradeSide.Buy)
            {
                bought.Add(identical.GroupOf(trade.InstrumentId));
            }
            else if (trade.Loss > 0m && trade.Date <= snapshot.AsOf && taxable.Contains(trade.AccountId))
            {
                soldAtLoss.Add(identical.GroupOf(trade.InstrumentId));
            }
        }

        foreach (var lot in snapshot.Accounts.SelectMany(a => a.Lots).Where(l => l.AcquiredDate >= from))
        {
            var group = identical.GroupOf(lot.InstrumentId);
            if (!recentLots.TryGetValue(group, out var ids))
            {
                ids = [];
                recentLots[group] = ids;
            }

            ids.Add(lot.LotId);
        }
    }

    /// <summary>Why a loss sale of the lot would be a wash sale, or null.</summary>
    public string? BlocksLossSale(Guid instrumentId, Guid lotId)
    {
        var group = identical.GroupOf(instrumentId);
        return bought.Contains(group) ? "it or an identical security was bought in the last 30 days, is scheduled in the next 30 or is bought by this proposal"
            : recentLots.TryGetValue(group, out var ids) && ids.Any(id => id != lotId) ? "another lot of it or an identical security was acquired in the last 30 days"
            : null;
    }

    public string? BlocksBuy(Guid instrumentId) =>
        soldAtLoss.Contains(identical.GroupOf(instrumentId)) ? "it or an identical security was sold at a loss in the last 30 days or by this proposal" : null;

    public void Bought(Guid instrumentId) => bought.Add(identical.GroupOf(instrumentId));

    public void SoldAtLoss(Guid instrumentId) => soldAtLoss.Add(identical.GroupOf(instrumentId));
}
