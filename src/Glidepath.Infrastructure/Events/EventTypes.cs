namespace Glidepath.Infrastructure.Events;

/// <summary>
/// The event types a webhook can subscribe to and a notification preference can name
/// (docs/webhooks.md). Here rather than in Application because infrastructure write paths (the
/// ledger store, the market-data jobs) publish some of them.
/// </summary>
public static class EventTypes
{
    public const string TransactionCreated = "transaction.created";
    public const string OrderStatusChanged = "order.status_changed";
    public const string OrderFilled = "order.filled";
    public const string RebalanceProposed = "rebalance.proposed";
    public const string SimulationCompleted = "simulation.completed";
    public const string AlertTriggered = "alert.triggered";
    public const string PriceStale = "price.stale";
    public const string GoalStatusChanged = "goal.status_changed";
    public const string StrategyUpdated = "strategy.updated";
    public const string ConsultationReminder = "consultation.reminder";
    public const string AnomalyDetected = "anomaly.detected";

    public static IReadOnlyList<string> All { get; } =
        [TransactionCreated, OrderStatusChanged, OrderFilled, RebalanceProposed, SimulationCompleted, AlertTriggered, PriceStale, GoalStatusChanged, StrategyUpdated, ConsultationReminder, AnomalyDetected];

    public static bool IsKnown(string eventType) => All.Contains(eventType, StringComparer.Ordinal);
}
