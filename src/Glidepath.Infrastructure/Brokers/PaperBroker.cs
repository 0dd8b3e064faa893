using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Glidepath.Infrastructure.Brokers;

/// <summary>
/// Executes orders against the stored daily closes (docs/orders.md, "Paper broker"). Every close after
/// the order's day (after the last fill's day once it has filled in part), up to the close of the
/// day asked for, is a chance to fill: a market order fills at the first, a limit order at the first
/// that crosses its limit (a buy's close at or under it, a sale's at or over it). A fill takes at most
/// <see cref="PaperBrokerOptions.MaxQuantityPerClose"/> units, so a large order fills over several
/// closes. An order not wholly filled <see cref="PaperBrokerOptions.ExpireAfterDays"/> days after its day expires.
/// </summary>
public sealed class PaperBroker(GlidepathDbContext db, IOptions<PaperBrokerOptions> options) : IBrokerAdapter
{
    private readonly PaperBrokerOptions _options = options.Value;

    public string Name => BrokerNames.Paper;

    public Task<BrokerSubmission> SubmitAsync(BrokerOrder order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Task.FromResult(new BrokerSubmission(true, "paper-" + order.OrderId.ToString("N"), "accepted by the paper broker"));
    }

    public async Task<BrokerUpdate> PollAsync(BrokerOrder order, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var orderDay = DateOnly.FromDateTime(order.CreatedUtc.UtcDateTime);
        var after = order.LastFillDate is { } last && last > orderDay ? last : orderDay;
        var closes = await db.Prices.AsNoTracking()
            .Where(p => p.InstrumentId == order.InstrumentId && p.Date > after && p.Date <= asOf)
            .OrderBy(p => p.Date).ToListAsync(ct);
        var remaining = order.Quantity - order.FilledQuantity;
        var fills = new List<BrokerFill>();
        foreach (var close in closes)
        {
            if (remaining <= 0m)
            {
                break;
            }

            if (Fill(order, close.Close, Math.Min(remaining, _options.MaxQuantityPerClose ?? remaining), close.Date) is { } fill)
            {
                fills.Add(fill);
                remaining -= fill.Quantity;
            }
        }

        return remaining > 0m && asOf >= orderDay.AddDays(_options.ExpireAfterDays)
            ? new BrokerUpdate(fills, (OrderStatus.Expired, $"not filled within {_options.ExpireAfterDays} days"))
            : new BrokerUpdate(fills);
    }

    /// <summary>The fill at one close, or null when a limit order's limit is not crossed.</summary>
    public BrokerFill? Fill(BrokerOrder order, decimal close, decimal quantity, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(order);
        var buy = order.Side == TradeSide.Buy;
        if (order.LimitPrice is { } limit && (buy ? close > limit : close < limit))
        {
            return null;
        }

        var slip = _options.SlippageBasisPoints / 10_000m;
        var price = Math.Round(buy ? close * (1m + slip) : close * (1m - slip), 6, MidpointRounding.AwayFromZero);
        // Slippage never takes a limit order past its limit.
        if (order.LimitPrice is { } l)
        {
            price = buy ? Math.Min(price, l) : Math.Max(price, l);
        }

        var fees = Math.Max(Math.Round(quantity * _options.CommissionPerUnit, 2, MidpointRounding.AwayFromZero), _options.MinimumCommission);
        return new BrokerFill(quantity, price, fees, date);
    }

    public Task<bool> CancelAsync(BrokerOrder order, CancellationToken ct) => Task.FromResult(true);

    public Task<IReadOnlyList<BrokerPosition>?> PositionsAsync(string? brokerAccountId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<BrokerPosition>?>(null);
}
