using Glidepath.Cli.Remote;
using Glidepath.Client.Generated;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.TaxLossHarvesting;
using Api = Glidepath.Client.Generated.Models;

namespace Glidepath.Cli.Trading;

/// <summary>
/// The API's rebalancing and harvesting models back into the Domain records the local commands print, so
/// <c>--json</c> and the tables are the same in both modes (the CLI's output is the scripts' contract, not the API's).
/// </summary>
internal static class RemoteHarvest
{
    public static HarvestScan From(Api.HarvestScan? scan) => scan is null
        ? throw new RemoteException("the server's answer has no body.")
        : new(
            [.. scan.Opportunities.Need("opportunities").Select(o => new HarvestOpportunity(
                o.AccountId.Need("accountId"), o.InstrumentId.Need("instrumentId"), o.Quantity.Need("quantity"), o.Price.Need("price"),
                RemoteRebalance.Lots(o.Lots.Need("lots")), o.Loss.Need("loss"), o.ReplacementId, o.EstimatedSaving.Need("estimatedSaving"), o.Reason.Need("reason")))],
            [.. scan.Blocked.Need("blocked").Select(b => new BlockedHarvest(b.AccountId.Need("accountId"), b.InstrumentId.Need("instrumentId"), b.Loss.Need("loss"), b.Reason.Need("reason")))],
            [.. scan.SwapBacks.Need("swapBacks").Select(s => new SwapBack(
                s.AccountId.Need("accountId"), s.ReplacementId.Need("replacementId"), s.OriginalId.Need("originalId"), s.Quantity.Need("quantity"), s.Gain.Need("gain"), s.Reason.Need("reason")))]);
}

internal static class RemoteRebalance
{
    public static RebalanceProposal From(Api.RebalanceProposal? proposal) => proposal is null
        ? throw new RemoteException("the server's answer has no proposal.")
        : new(
            [.. proposal.Trades.Need("trades").Select(t => new ProposedTrade(
                t.AccountId.Need("accountId"), t.InstrumentId.Need("instrumentId"), t.Side.As<TradeSide>("side"), t.Quantity.Need("quantity"), t.Price.Need("price"),
                Lots(t.LotsToSell.Need("lotsToSell")), t.ShortTermGain.Need("shortTermGain"), t.LongTermGain.Need("longTermGain"), t.Reason.Need("reason")))],
            [.. proposal.Drifts.Need("drifts").Select(d => new TargetDrift(
                d.AccountId.Need("accountId"), Target(d.Target.Need("target")), d.Before.Need("before"), d.After.Need("after"), d.InBandAfter.Need("inBandAfter"), d.Reason))],
            proposal.EstimatedTax.Need("estimatedTax"),
            proposal.EstimatedCosts.Need("estimatedCosts"),
            proposal.Warnings);

    public static List<LotSale> Lots(List<Api.LotSale> lots) =>
        [.. lots.Select(l => new LotSale(l.LotId.Need("lotId"), l.Quantity.Need("quantity"), l.Gain.Need("gain"), l.LongTerm.Need("longTerm")))];

    private static AllocationTarget Target(Api.AllocationTarget t) => new(
        t.AccountId, t.InstrumentId, t.AssetClass is null ? null : t.AssetClass.As<AssetClass>("assetClass"),
        t.Weight.Need("weight"), t.AbsoluteBand.Need("absoluteBand"), t.RelativeBand.Need("relativeBand"), t.BuyInstrumentId);
}

internal static class RemoteNames
{
    /// <summary>The symbols of <paramref name="ids"/>, one GetInstrument each (a scan names a handful).</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> SymbolsAsync(GlidepathApiClient client, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var symbols = new Dictionary<Guid, string>();
        foreach (var id in ids.Distinct())
        {
            var instrument = await client.Api.V1.Instruments[id].GetAsync(cancellationToken: ct);
            symbols[id] = instrument?.Symbol.Need("symbol") ?? throw new RemoteException("the server's answer has no instrument.");
        }

        return symbols;
    }
}
