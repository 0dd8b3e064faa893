namespace Glidepath.Domain.Orders;

/// <summary>
/// A difference the last fill reconciliation found between what a broker reports an account holds
/// and what the ledger holds (table <c>position_mismatches</c>): an alert until a later
/// reconciliation finds the two agree (docs/orders.md, "Reconciliation").
/// </summary>
public sealed class PositionMismatch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid HouseholdId { get; set; }

    public Guid AccountId { get; set; }

    /// <summary>The ledger's instrument; null when the broker holds something the household has no instrument for.</summary>
    public Guid? InstrumentId { get; set; }

    /// <summary>The symbol as the broker names it (or the instrument's symbol when the broker holds none).</summary>
    public required string Symbol { get; set; }

    public decimal BrokerQuantity { get; set; }

    public decimal LedgerQuantity { get; set; }

    public DateTimeOffset FoundUtc { get; set; }
}
