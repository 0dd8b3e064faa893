using Glidepath.Domain.Rebalancing;

namespace Glidepath.Domain.TaxLossHarvesting;

/// <summary>
/// Harvest suggestions as a rebalance proposal (docs/rebalancing.md, "Harvest suggestions become orders"):
/// each opportunity is a sale of its losing lots (specific identification, as the scan chose them) and,
/// where it names a replacement, a buy of whole units of the replacement for the sale's proceeds. Stored
/// and accepted like any proposal, so harvests become orders through the same code as rebalances.
/// </summary>
public static class HarvestTrades
{
    public static RebalanceProposal Propose(PortfolioSnapshot snapshot, IReadOnlyList<HarvestOpportunity> chosen)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(chosen);
        var prices = snapshot.Instruments.ToDictionary(i => i.Id, i => i.Price);
        var trades = new List<ProposedTrade>();
        decimal tax = 0m;
        foreach (var o in chosen)
        {
            var shortTerm = o.Lots.Where(l => !l.LongTerm).Sum(l => l.Gain);
            var longTerm = o.Lots.Where(l => l.LongTerm).Sum(l => l.Gain);
            tax += shortTerm * snapshot.TaxRates.ShortTerm + longTerm * snapshot.TaxRates.LongTerm;
            trades.Add(new ProposedTrade(o.AccountId, o.InstrumentId, TradeSide.Sell, o.Quantity, o.Price, o.Lots, shortTerm, longTerm, "Harvest: " + o.Reason));
            if (o.ReplacementId is { } replacement && prices.TryGetValue(replacement, out var price) && price > 0m
                && decimal.Floor(o.Quantity * o.Price / price) is var units and > 0m)
            {
                trades.Add(new ProposedTrade(o.AccountId, replacement, TradeSide.Buy, units, price, [], 0m, 0m, "Harvest: the replacement, to stay invested."));
            }
        }

        return new RebalanceProposal(trades, [], tax, trades.Count * snapshot.Settings.CostPerTrade,
            chosen.Count == 0 ? ["No harvest opportunity matched."] : null);
    }
}
