namespace Glidepath.Infrastructure.Brokers;

/// <summary>The paper broker's rules (configuration section <c>Brokers:Paper</c>; docs/orders.md, "Paper broker").</summary>
public sealed class PaperBrokerOptions
{
    public const string Section = "Brokers:Paper";

    /// <summary>Commission per unit filled.</summary>
    public decimal CommissionPerUnit { get; set; }

    /// <summary>The least commission of a fill (a fill never costs less, unless both are 0).</summary>
    public decimal MinimumCommission { get; set; }

    /// <summary>Slippage in basis points of the close: a buy pays close × (1 + bps/10,000), a sale gets close × (1 − bps/10,000).</summary>
    public decimal SlippageBasisPoints { get; set; }

    /// <summary>The most units filled at one close (partial fills); null fills the whole order at one close.</summary>
    public decimal? MaxQuantityPerClose { get; set; }

    /// <summary>Calendar days after the order's day at which an order not wholly filled expires.</summary>
    public int ExpireAfterDays { get; set; } = 30;
}
