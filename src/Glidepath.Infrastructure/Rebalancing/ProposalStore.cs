using System.Text.Json;
using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Rebalancing;

/// <summary>
/// Rebalance proposals as shown, and the pending orders an accepted one becomes. Accepting is
/// idempotent and safe under concurrency: one conditional UPDATE claims the proposal (accepted_utc
/// from null), and only the request that claimed it inserts the orders, in the same transaction;
/// every later accept returns those orders.
/// </summary>
public sealed class ProposalStore(GlidepathDbContext db)
{
    /// <summary>Stores a proposal as shown (its JSON from <see cref="Write"/>).</summary>
    public async Task<StoredProposal> AddAsync(StoredProposal stored, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stored);
        db.Proposals.Add(stored);
        await db.SaveChangesAsync(ct);
        return stored;
    }

    public static string Write(RebalanceProposal proposal) => JsonSerializer.Serialize(proposal, PortfolioSnapshotJson.Options);

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
                // Orders are made as every order is (OrderTicket), each executed by its account's broker.
                var trades = Read(stored).Trades;
                var accountIds = trades.Select(t => t.AccountId).Distinct().ToList();
                var accounts = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
                var orders = trades.Select(t => new OrderTicket(t.AccountId, t.InstrumentId, t.Side, t.Quantity, OrderType.Market, null, t.Price, t.LotsToSell)
                    .ToOrder(accounts[t.AccountId], proposalId, null, WriteLots(t.LotsToSell), nowUtc)).ToList();
                db.Orders.AddRange(orders);
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }

        return new AcceptedProposal(await OrdersAsync(householdId, proposalId, null, ct), placed);
    }

    public static string WriteLots(IReadOnlyList<LotSale> lots) => JsonSerializer.Serialize(lots, PortfolioSnapshotJson.Options);

    public static IReadOnlyList<LotSale> ReadLots(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.LotsJson is null ? [] : JsonSerializer.Deserialize<List<LotSale>>(order.LotsJson, PortfolioSnapshotJson.Options) ?? [];
    }

    /// <summary>
    /// Open orders (pending, submitted, partially filled), oldest first, for what is still to trade: a
    /// partial fill is in the ledger already, so only the units left count, with the named lots the fills
    /// have not taken.
    /// </summary>
    public async Task<List<PendingOrder>> PendingOrdersAsync(Guid householdId, CancellationToken ct)
    {
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.HouseholdId == householdId
                && (o.Status == OrderStatus.Pending || o.Status == OrderStatus.Submitted || o.Status == OrderStatus.PartiallyFilled))
            .ToListAsync(ct);
        return [.. orders.OrderBy(o => o.CreatedUtc).ThenBy(o => o.Id).Select(o => new PendingOrder(
            o.Id, o.AccountId, o.InstrumentId, o.Side, o.RemainingQuantity, o.Price,
            FillLots.For(ReadLots(o), o.FilledQuantity, o.RemainingQuantity)))];
    }

    public async Task<IReadOnlyList<Order>> OrdersAsync(Guid householdId, Guid? proposalId, OrderStatus? status, CancellationToken ct = default) =>
        (await db.Orders.AsNoTracking()
            .Where(o => o.HouseholdId == householdId && (proposalId == null || o.ProposalId == proposalId) && (status == null || o.Status == status))
            .ToListAsync(ct))
        .OrderBy(o => o.CreatedUtc).ThenBy(o => o.AccountId).ThenBy(o => o.Side).ThenBy(o => o.InstrumentId).ToList();
}

/// <summary>The proposal's orders; <see cref="PlacedNow"/> is false when an earlier accept already placed them.</summary>
public sealed record AcceptedProposal(IReadOnlyList<Order> Orders, bool PlacedNow);
