using Glidepath.Domain.Transactions;

namespace Glidepath.Infrastructure.Events;

// The data of each event type as webhooks send it (docs/webhooks.md lists them). Ids, amounts and
// states only: no memo, account number or other encrypted field ever leaves through an event.

/// <summary><c>transaction.created</c>: one booked ledger transaction (API, import, edit's re-book).</summary>
public sealed record TransactionCreated(
    Guid TransactionId, Guid AccountId, string Type, DateOnly TradeDate, Guid? InstrumentId,
    decimal Quantity, decimal Price, decimal Fees, decimal Amount, string Currency)
{
    public static TransactionCreated From(Transaction t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Id, t.AccountId, t.Type.ToString(), t.TradeDate, t.InstrumentId, t.Quantity, t.Price, t.Fees, t.Amount, t.Currency.Code);
    }
}

/// <summary><c>rebalance.proposed</c>: a stored proposal, to review and accept.</summary>
public sealed record RebalanceProposed(Guid ProposalId, Guid? AccountId, DateOnly AsOf, int Trades);

/// <summary><c>simulation.completed</c>: a simulation run that finished (succeeded or failed).</summary>
public sealed record SimulationCompleted(Guid RunId, Guid PlanId, string Status, double? SuccessProbability, string? Error);

/// <summary>
/// <c>goal.status_changed</c>: a simulation of the goal's plan moved it between NotTested, OnTrack, AtRisk
/// and OffTrack (docs/goals.md); <paramref name="SuccessProbability"/> against <paramref name="TargetSuccess"/>.
/// </summary>
public sealed record GoalStatusChanged(Guid GoalId, string Name, string From, string To, double SuccessProbability, double TargetSuccess, Guid PlanId, Guid RunId);

/// <summary><c>alert.triggered</c>: a scan found something to act on (<c>drift</c> or <c>harvest</c>).</summary>
public sealed record AlertTriggered(string Kind, DateOnly AsOf, int Count, string Message);

/// <summary><c>price.stale</c>: a held instrument's latest close is older than the market-data staleness limit.</summary>
public sealed record PriceStale(Guid InstrumentId, string Symbol, DateOnly? LastClose, int DaysOld);

/// <summary><c>order.status_changed</c>: an order moved from one state to another (docs/orders.md).</summary>
public sealed record OrderStatusChanged(
    Guid OrderId, Guid AccountId, Guid InstrumentId, string From, string To, string Reason, DateTimeOffset At, decimal Quantity, decimal FilledQuantity);

/// <summary><c>order.filled</c>: one fill of an order, booked as the ledger transaction it names.</summary>
public sealed record OrderFilled(
    Guid OrderId, Guid AccountId, Guid InstrumentId, string Side, Guid FillId, decimal Quantity, decimal Price, decimal Fees,
    DateOnly TradeDate, Guid TransactionId, decimal FilledQuantity, decimal OrderQuantity);

/// <summary><c>webhook.ping</c>: the test delivery a subscription's owner asks for.</summary>
public sealed record WebhookPing(string Message)
{
    public static readonly WebhookPing Test = new("Glidepath test delivery");
}

/// <summary>
/// <c>strategy.updated</c>: a strategy the household follows changed (docs/strategies.md): <paramref name="Change"/> is
/// <c>targets</c> (new weights or rebalancing rule, a new <paramref name="Revision"/>), <c>details</c> (name or description)
/// or <c>hidden</c> (a moderator hid it).
/// </summary>
public sealed record StrategyUpdated(Guid StrategyId, string Name, string Change, int Revision, string Summary);

/// <summary>
/// <c>consultation.reminder</c>: a booked consultation of the household starts soon (docs/advisors.md, "Reminders"); once per
/// booking and start. The notification goes to the client who booked it and to the advisor only, each with the start on their
/// own clock (<paramref name="ClientStart"/> in <paramref name="ClientTimeZone"/>, <paramref name="AdvisorStart"/> in
/// <paramref name="AdvisorTimeZone"/>, both <c>yyyy-MM-dd HH:mm</c> with the UTC offset of that date).
/// </summary>
public sealed record ConsultationReminder(
    Guid ConsultationId, Guid AdvisorId, string AdvisorName, Guid ClientId, DateTimeOffset StartUtc, int Minutes, string Need,
    string ClientTimeZone, string ClientStart, string AdvisorTimeZone, string AdvisorStart, DateTimeOffset ChangeableUntilUtc);

/// <summary>
/// <c>anomaly.detected</c>: the anomaly scan flagged a day of one of the household's daily series (docs/anomalies.md): <paramref name="SeriesKind"/>
/// <c>returns</c> (the portfolio's daily return, a fraction) or <c>spending</c> (the day's spending in the category <paramref name="SeriesKey"/>,
/// in <paramref name="Currency"/>); <paramref name="Value"/> against <paramref name="Typical"/> (the trailing window's median), <paramref name="Score"/>
/// in robust standard deviations against <paramref name="Threshold"/>. Once per household, series and date. <paramref name="Title"/> is the
/// notification's subject ("Unusual day: …" or, for <c>duplicate-charge</c>, "Possible duplicate charge: …").
/// </summary>
public sealed record AnomalyDetected(
    Guid AnomalyId, string SeriesKind, string SeriesKey, string Series, DateOnly Date, double Value, double Typical, double Score, double Threshold,
    string Method, string Currency, string Title, string Message);
