using Glidepath.Application.Accounts;
using Glidepath.Application.Events;
using Glidepath.Application.Rebalancing;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.Results;
using Glidepath.Domain.TaxLossHarvesting;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Rebalancing;

namespace Glidepath.Application.TaxLossHarvesting;

/// <summary>A scan and the snapshot it ran on (names for display).</summary>
public sealed record Harvested(PortfolioSnapshot Snapshot, HarvestScan Scan);

/// <summary>Tax-loss harvesting opportunities of a household from its stored data (or of a snapshot file), with the household's thresholds.</summary>
public sealed class HarvestScans(PortfolioSnapshotLoader loader, ProposalStore store, IEventOutbox outbox)
{
    public static Harvested Scan(PortfolioSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new(snapshot, Harvester.Scan(snapshot, snapshot.HarvestSettings()));
    }

    /// <summary>The scan as of the close of <paramref name="asOf"/>, or the snapshot's problem (unknown-household, missing-price, mixed-currency).</summary>
    public async Task<Result<Harvested>> ScanAsync(Guid householdId, DateOnly asOf, CancellationToken ct) =>
        (await loader.LoadAsync(householdId, asOf, ct: ct)).Map(Scan);

    /// <summary>
    /// The household's harvest opportunities (one account's or one instrument's when named), after the open
    /// orders are counted as done, stored as a proposal to accept like a rebalance proposal
    /// (<c>POST …/rebalance-proposals/{id}/accept</c> turns it into orders through the same code).
    /// </summary>
    public async Task<Result<ShownProposal>> ProposeAsync(Guid householdId, Guid? accountId, Guid? instrumentId, DateOnly asOf, DateTimeOffset nowUtc, CancellationToken ct)
    {
        var loaded = await loader.LoadAsync(householdId, asOf, ct: ct);
        if (!loaded.TryGet(out var snapshot, out var problem))
        {
            return problem;
        }

        // The proposal is stored against the account, so it must be one of the household's (another's id once was a 500).
        if (accountId is { } id && snapshot.Accounts.All(a => a.Id != id))
        {
            return HouseholdAccounts.NotFound(id);
        }

        var open = PendingOrders.Apply(snapshot, await store.PendingOrdersAsync(householdId, ct));
        var chosen = Scan(open).Scan.Opportunities
            .Where(o => (accountId == null || o.AccountId == accountId) && (instrumentId == null || o.InstrumentId == instrumentId)).ToList();
        var proposal = HarvestTrades.Propose(open, chosen);
        var stored = new StoredProposal
        {
            HouseholdId = householdId,
            AccountId = accountId,
            AsOf = asOf,
            ProposalJson = ProposalStore.Write(proposal),
            CreatedUtc = nowUtc,
        };
        outbox.Enqueue(householdId, EventTypes.RebalanceProposed, new RebalanceProposed(stored.Id, accountId, asOf, proposal.Trades.Count));
        return new ShownProposal(await store.AddAsync(stored, ct), proposal);
    }
}
