using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;
using Glidepath.Application.Rebalancing;

namespace Glidepath.Server.Rebalancing;

/// <summary>
/// Body of the rebalance routes (the seed's <c>{ "force": bool }</c>): force trades every target to its weight,
/// ignoring bands. <paramref name="AssetLocation"/> (household route only): household targets on the household's
/// total, assets placed by account tax treatment (docs/rebalancing.md, "Asset location").
/// </summary>
/// <summary><c>POST …/tax-loss-opportunities/proposals</c>: as of when (default today), and optionally only one account's or instrument's opportunities.</summary>
public sealed record HarvestProposalRequest(DateOnly? AsOf = null, Guid? AccountId = null, Guid? InstrumentId = null);

public sealed record RebalanceRequest(bool Force = false, DateOnly? AsOf = null, bool AssetLocation = false);

public sealed record ProposalDto(
    Guid Id, Guid HouseholdId, Guid? AccountId, DateOnly AsOf, bool Force, DateTimeOffset CreatedUtc, DateTimeOffset? AcceptedUtc, RebalanceProposal Proposal,
    bool AssetLocation = false)
{
    public static ProposalDto From(ShownProposal shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var p = shown.Stored;
        return new(p.Id, p.HouseholdId, p.AccountId, p.AsOf, p.Force, p.CreatedUtc, p.AcceptedUtc, shown.Proposal, p.AssetLocation);
    }
}

/// <summary>
/// <c>POST …/rebalance/preview</c>: the proposal, not stored, with the names a reader needs to show it (the snapshot's
/// accounts and instruments).
/// </summary>
public sealed record RebalancePreviewDto(
    DateOnly AsOf, bool Force, bool AssetLocation, RebalanceProposal Proposal, IReadOnlyList<PreviewAccount> Accounts, IReadOnlyList<PreviewInstrument> Instruments)
{
    public static RebalancePreviewDto From(DateOnly asOf, ProposalOptions options, Proposed proposed)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(proposed);
        return new(asOf, options.Force, options.AssetLocation, proposed.Proposal,
            [.. proposed.Snapshot.Accounts.Select(a => new PreviewAccount(a.Id, a.Name))],
            [.. proposed.Snapshot.Instruments.Select(i => new PreviewInstrument(i.Id, i.Symbol))]);
    }
}

public sealed record PreviewAccount(Guid Id, string Name);

public sealed record PreviewInstrument(Guid Id, string Symbol);

public sealed record OrderDto(
    Guid Id, Guid AccountId, Guid InstrumentId, TradeSide Side, decimal Quantity, decimal Price, Guid? ProposalId, OrderStatus Status, DateTimeOffset CreatedUtc)
{
    public static OrderDto From(Order o) => new(o.Id, o.AccountId, o.InstrumentId, o.Side, o.Quantity, o.Price, o.ProposalId, o.Status, o.CreatedUtc);
}
