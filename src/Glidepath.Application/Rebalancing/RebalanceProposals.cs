using Glidepath.Application.Events;
using Glidepath.Infrastructure.Events;
using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.Results;
using Glidepath.Infrastructure.Rebalancing;

namespace Glidepath.Application.Rebalancing;

/// <param name="Force">Trade every target back to its weight, ignoring the bands.</param>
/// <param name="AssetLocation">Household targets on the household's total, assets placed by account tax treatment (docs/rebalancing.md).</param>
public sealed record ProposalOptions(bool Force = false, bool AssetLocation = false)
{
    /// <summary>The snapshot the rebalancer sees under these options: force zeroes every band; asset location is switched on (a snapshot file may already ask for it).</summary>
    public PortfolioSnapshot Apply(PortfolioSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        snapshot = snapshot with { AssetLocation = snapshot.AssetLocation || AssetLocation };
        return Force
            ? snapshot with { Targets = [.. snapshot.Targets.Select(t => t with { AbsoluteBand = 0m, RelativeBand = 0m })] }
            : snapshot;
    }
}

/// <summary>A proposal and the snapshot it was made from (names of accounts and instruments for display).</summary>
public sealed record Proposed(PortfolioSnapshot Snapshot, RebalanceProposal Proposal);

/// <summary>A stored proposal with the proposal itself, so nothing re-reads the JSON it just wrote.</summary>
public sealed record ShownProposal(StoredProposal Stored, RebalanceProposal Proposal);

/// <summary>
/// Propose and accept a rebalance, for both front doors: the household's snapshot from the database,
/// orders accepted earlier and not yet executed counted as done (so they are not proposed again),
/// the options applied, <see cref="Rebalancer.Propose"/>. The server stores what it shows; the CLI
/// only shows. Accepting turns a stored proposal's trades into pending orders, once.
/// </summary>
public sealed class RebalanceProposals(PortfolioSnapshotLoader loader, ProposalStore store, IEventOutbox outbox)
{
    public const string ProposalNotFoundCode = "rebalance-proposal-not-found";

    /// <summary>A file's snapshot (the CLI's <c>--input</c>): no database, no pending orders.</summary>
    public static Proposed Propose(PortfolioSnapshot snapshot, ProposalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prepared = options.Apply(snapshot);
        return new(prepared, Rebalancer.Propose(prepared));
    }

    /// <summary>The proposal for one account (<paramref name="accountId"/>) or the household, stored nowhere.</summary>
    public async Task<Result<Proposed>> PreviewAsync(Guid householdId, Guid? accountId, DateOnly asOf, ProposalOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var loaded = await loader.LoadAsync(householdId, asOf, accountId, ct);
        if (!loaded.TryGet(out var snapshot, out var problem))
        {
            return problem;
        }

        var pending = PendingOrders.Apply(snapshot, await store.PendingOrdersAsync(householdId, ct));
        return Propose(pending, options);
    }

    /// <summary>As <see cref="PreviewAsync"/>, stored as shown so it can be accepted later.</summary>
    public async Task<Result<ShownProposal>> ProposeAsync(Guid householdId, Guid? accountId, DateOnly asOf, ProposalOptions options, DateTimeOffset nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var preview = await PreviewAsync(householdId, accountId, asOf, options, ct);
        if (!preview.TryGet(out var proposed, out var problem))
        {
            return problem;
        }

        var proposal = new StoredProposal
        {
            HouseholdId = householdId,
            AccountId = accountId,
            AsOf = asOf,
            Force = options.Force,
            AssetLocation = options.AssetLocation,
            ProposalJson = ProposalStore.Write(proposed.Proposal),
            CreatedUtc = nowUtc,
        };
        outbox.Enqueue(householdId, EventTypes.RebalanceProposed, new RebalanceProposed(proposal.Id, accountId, asOf, proposed.Proposal.Trades.Count));
        var stored = await store.AddAsync(proposal, ct);
        return new ShownProposal(stored, proposed.Proposal);
    }

    public async Task<Result<ShownProposal>> GetAsync(Guid householdId, Guid proposalId, CancellationToken ct) =>
        await store.FindAsync(householdId, proposalId, ct) is { } stored ? new ShownProposal(stored, ProposalStore.Read(stored)) : NotFound(proposalId);

    /// <summary>The proposal's trades as pending orders, placed by the first accept; a later accept returns the same orders.</summary>
    public async Task<Result<AcceptedProposal>> AcceptAsync(Guid householdId, Guid proposalId, DateTimeOffset nowUtc, CancellationToken ct) =>
        await store.AcceptAsync(householdId, proposalId, nowUtc, ct) is { } accepted ? accepted : NotFound(proposalId);

    public Task<IReadOnlyList<Order>> OrdersAsync(Guid householdId, OrderStatus? status, CancellationToken ct) =>
        store.OrdersAsync(householdId, null, status, ct);

    private static Problem NotFound(Guid proposalId) => Problem.NotFound(ProposalNotFoundCode, $"Rebalance proposal {proposalId} does not exist.");
}
