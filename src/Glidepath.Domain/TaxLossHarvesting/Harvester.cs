using System.Globalization;
using Glidepath.Domain.Households;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.TaxLots.WashSales;

namespace Glidepath.Domain.TaxLossHarvesting;

/// <summary>
/// Finds unrealised losses worth harvesting in taxable accounts (docs/rebalancing.md). A harvest sells
/// every losing lot of an instrument and buys a similar, not substantially identical replacement. It is
/// blocked when the instrument or an identical twin was acquired in any household account in the last
/// 30 days (a lot or a recent buy) or a purchase is scheduled in the next 30: the sale would be a wash sale.
/// </summary>
public static class Harvester
{
    public static HarvestScan Scan(PortfolioSnapshot snapshot, HarvestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(settings);
        var identical = new SubstantiallyIdenticalSecurities([], snapshot.SubstantiallyIdentical);
        var blockedGroups = BlockedGroups(snapshot, identical);
        var prices = snapshot.Instruments.ToDictionary(i => i.Id);
        var opportunities = new List<HarvestOpportunity>();
        var blocked = new List<BlockedHarvest>();

        foreach (var account in snapshot.Accounts.Where(a => a.Type.IsTaxable()))
        {
            foreach (var holding in account.Lots.GroupBy(l => l.InstrumentId).OrderBy(g => g.Key))
            {
                var price = prices[holding.Key].Price;
                var losers = holding.Where(l => l.Quantity * price < l.CostBasis).OrderBy(l => l.LotId).ToList();
                var loss = losers.Sum(l => l.CostBasis - (l.Quantity * price));
                var costs = 2m * settings.CostPerTrade;
                if (losers.Count == 0 || loss - costs < settings.MinLoss || loss - costs < settings.MinLossFraction * losers.Sum(l => l.CostBasis))
                {
                    continue;
                }

                if (blockedGroups.Contains(identical.GroupOf(holding.Key)))
                {
                    blocked.Add(new BlockedHarvest(account.Id, holding.Key, loss, "It or an identical security was acquired in the last 30 days or a purchase is scheduled in the next 30."));
                    continue;
                }

                var lots = losers.Select(l => new LotSale(l.LotId, l.Quantity, (l.Quantity * price) - l.CostBasis, l.IsLongTermOn(snapshot.AsOf))).ToList();
                var saving = lots.Sum(l => -l.Gain * (l.LongTerm ? snapshot.TaxRates.LongTerm : snapshot.TaxRates.ShortTerm)) - costs;
                var replacement = settings.Replacements
                    .FirstOrDefault(r => r.InstrumentId == holding.Key && !identical.AreIdentical(r.ReplacementId, holding.Key))?.ReplacementId;
                var keep = replacement is { } r && prices.TryGetValue(r, out var replacementInstrument)
                    ? $"buy {replacementInstrument.Symbol} to keep the exposure."
                    : "no replacement is configured, so exposure drops until it is bought back after 31 days.";
                var reason = string.Create(
                    CultureInfo.InvariantCulture, $"Harvest a {loss:0.00} loss on {prices[holding.Key].Symbol}, saving about {saving:0.00} in tax after costs; {keep}");
                opportunities.Add(new HarvestOpportunity(account.Id, holding.Key, lots.Sum(l => l.Quantity), price, lots, loss, replacement, saving, reason));
            }
        }

        return new HarvestScan(opportunities, blocked, SwapBacks(snapshot, settings, prices));
    }

    /// <summary>Groups acquired in the last 30 days (a lot or a recent buy) or with a purchase scheduled in the next 30.</summary>
    private static HashSet<Guid> BlockedGroups(PortfolioSnapshot snapshot, SubstantiallyIdenticalSecurities identical)
    {
        var (from, to) = (snapshot.AsOf.AddDays(-WashSaleMatching.WindowDays), snapshot.AsOf.AddDays(WashSaleMatching.WindowDays));
        return snapshot.Accounts.SelectMany(a => a.Lots).Where(l => l.AcquiredDate >= from).Select(l => l.InstrumentId)
            .Concat(snapshot.RecentAndScheduledTrades.Where(t => t.Side == TradeSide.Buy && t.Date >= from && t.Date <= to).Select(t => t.InstrumentId))
            .Select(identical.GroupOf)
            .ToHashSet();
    }

    /// <summary>Replacement lots held more than 31 days whose sale would not realise more than the large-gain limit.</summary>
    private static List<SwapBack> SwapBacks(PortfolioSnapshot snapshot, HarvestSettings settings, Dictionary<Guid, SnapshotInstrument> prices)
    {
        var swaps = new List<SwapBack>();
        var originals = settings.Replacements.GroupBy(r => r.ReplacementId).ToDictionary(g => g.Key, g => g.First().InstrumentId);
        foreach (var account in snapshot.Accounts.Where(a => a.Type.IsTaxable()))
        {
            foreach (var holding in account.Lots.Where(l => originals.ContainsKey(l.InstrumentId)).GroupBy(l => l.InstrumentId))
            {
                var lots = holding.Where(l => l.AcquiredDate <= snapshot.AsOf.AddDays(-31)).ToList();
                var gain = lots.Sum(l => (l.Quantity * prices[holding.Key].Price) - l.CostBasis);
                if (lots.Count > 0 && gain <= settings.LargeGain)
                {
                    var original = originals[holding.Key];
                    swaps.Add(new SwapBack(account.Id, holding.Key, original, lots.Sum(l => l.Quantity), gain, string.Create(
                        CultureInfo.InvariantCulture,
                        $"The wash-sale window has passed; swapping {prices[holding.Key].Symbol} back to {prices[original].Symbol} realises only {gain:0.00}.")));
                }
            }
        }

        return swaps;
    }
}
