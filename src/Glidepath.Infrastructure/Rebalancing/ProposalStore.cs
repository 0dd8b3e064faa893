using System.Text.Json;
using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.TaxLots;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Rebalancing;

/// <summary>
/// Rebalance proposals as shown, and the pending orders an accepted one becomes. Accepting is
/// idempotent and safe under concurrency: one conditional UPDATE claims the proposal (accepted_utc
/// from null), and only the request that claimed it inserts the orders, in the same transaction;
/// every later accept returns those orders.
/// </summary>
public sealed class ProposalStore(GlidepathDbContext db, PortfolioSnapshotLoader loader)
{
    /// <summary>
    /// Loads the snapshot (one account, or the household), proposes and stores the proposal.
    /// <paramref name="force"/> trades every target back to its weight, ignoring the bands.
    /// </summary>
    public Task<StoreResult<StoredProposal>> ProposeAsync(
        Guid householdId, Guid? accountId, DateOnly asOf, bool force, DateTimeOffset nowUtc, CancellationToken ct = default) =>
        ProposeAsync(householdId, accountId, asOf, new ProposalOptions(force, AssetLocation: false), nowUtc, ct);

    /// <summary>
    /// As above; <see cref="ProposalOptions.AssetLocation"/> (household proposals) applies the household targets to
    /// the household's total and places assets by account tax treatment (docs/rebalancing.md, "Asset location").
    /// </summary>
    public async Task<StoreResult<StoredProposal>> ProposeAsync(
        Guid householdId, Guid? accountId, DateOnly asOf, ProposalOptions options, DateTimeOffset nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var force = options.Force;
        var loaded = await loader.LoadAsync(householdId, asOf, accountId, ct);
        if (!loaded.Succeeded)
        {
            return StoreResult.Fail<StoredProposal>(loaded.ErrorCode!, loaded.Message!);
        }

        // Orders accepted earlier and not yet executed count as done, so they are not proposed again.
        var snapshot = PendingOrders.Apply(loaded.Value!, await PendingAsync(householdId, ct)) with { AssetLocation = options.AssetLocation };
        if (force)
        {
            snapshot = snapshot with { Targets = [.. snapshot.Targets.Select(t => t with { AbsoluteBand = 0m, RelativeBand = 0m })] };
        }

        var proposal = Rebalancer.Propose(snapshot);
        var stored = new StoredProposal
        {
            HouseholdId = householdId,
            AccountId = accountId,
            AsOf = asOf,
            Force = force,
            AssetLocation = options.AssetLocation,
            ProposalJson = JsonSerializer.Serialize(proposal, PortfolioSnapshotJson.Options),
            CreatedUtc = nowUtc,
        };
        db.Proposals.Add(stored);
        await db.SaveChangesAsync(ct);
        return StoreResult.Ok(stored);
    }

    public static RebalanceProposal Read(StoredProposal stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return JsonSerializer.Deserialize<RebalanceProposal>(stored.ProposalJson, PortfolioSnapshotJson.Options)!;
    }

    public Task<StoredProposal?> FindAsync(Guid householdId, Guid proposalId, CancellationToken ct = default) =>
        db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == proposalId && p.HouseholdId == householdId, ct);

    /// <summary>The proposal's trades as pending orders (created by the first accept); null when the household has no such proposal.</summary>
    public async Task<AcceptedProposal?> AcceptAsync(Guid householdId, Guid proposalId, DateTimeOffset nowUtc, CancellationToken ct = default)
    {
        var stored = await FindAsync(householdId, proposalId, ct);
        if (stored is null)
        {
            return null;
        }

        bool placed;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var claimed = await db.Proposals
                .Where(p => p.Id == proposalId && p.AcceptedUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.AcceptedUtc, nowUtc).SetProperty(p => p.Version, p => p.Version + 1), ct);
            placed = claimed == 1;
            if (placed)
            {
                var orders = Read(stored).Trades.Select(t => new Order
                {
                    HouseholdId = householdId,
                    AccountId = t.AccountId,
                    InstrumentId = t.InstrumentId,
                    Side = t.Side,
                    Quantity = t.Quantity,
                    Price = t.Price,
                    LotsJson = t.LotsToSell.Count == 0 ? null : JsonSerializer.Serialize(t.LotsToSell, PortfolioSnapshotJson.Options),
                    ProposalId = proposalId,
                    Status = OrderStatus.Pending,
                    CreatedUtc = nowUtc,
                }).ToList();
                db.Orders.AddRange(orders);
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }

        return new AcceptedProposal(await OrdersAsync(householdId, proposalId, null, ct), placed);
    }

    private async Task<List<PendingOrder>> PendingAsync(Guid householdId, CancellationToken ct)
    {
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.HouseholdId == householdId && (o.Status == OrderStatus.Pending || o.Status == OrderStatus.Submitted))
            .ToListAsync(ct);
        return [.. orders.OrderBy(o => o.CreatedUtc).ThenBy(o => o.Id).Select(o => new PendingOrder(
            o.Id, o.AccountId, o.InstrumentId, o.Side, o.Quantity, o.Price,
            o.LotsJson is null ? [] : JsonSerializer.Deserialize<List<LotSale>>(o.LotsJson, PortfolioSnapshotJson.Options) ?? []))];
    }

    public async Task<IReadOnlyList<Order>> OrdersAsync(Guid householdId, Guid? proposalId, OrderStatus? status, CancellationToken ct = default) =>
        (await db.Orders.AsNoTracking()
            .Where(o => o.HouseholdId == householdId && (proposalId == null || o.ProposalId == proposalId) && (status == null || o.Status == status))
            .ToListAsync(ct))
        .OrderBy(o => o.CreatedUtc).ThenBy(o => o.AccountId).ThenBy(o => o.Side).ThenBy(o => o.InstrumentId).ToList();
}

/// <param name="Force">Trade every target to its weight, ignoring the bands.</param>
/// <param name="AssetLocation">Household targets on the household's total, assets placed by account tax treatment.</param>
public sealed record ProposalOptions(bool Force, bool AssetLocation);

/// <summary>The proposal's orders; <see cref="PlacedNow"/> is false when an earlier accept already placed them.</summary>
public sealed record AcceptedProposal(IReadOnlyList<Order> Orders, bool PlacedNow);
