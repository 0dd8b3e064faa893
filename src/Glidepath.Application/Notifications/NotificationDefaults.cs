using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Notifications;

namespace Glidepath.Application.Notifications;

/// <summary>
/// What a user gets before they choose (docs/notifications.md): every kind in the app except
/// <c>transaction.created</c> (an import books hundreds); e-mail for fills, alerts, anomalies and consultation reminders; SMS, push and
/// the daily digest off.
/// </summary>
public static class NotificationDefaults
{
    public static bool IsOn(string eventType, string channel) => channel switch
    {
        NotificationChannels.InApp => eventType != EventTypes.TransactionCreated,
        NotificationChannels.Email => eventType is EventTypes.OrderFilled or EventTypes.AlertTriggered or EventTypes.ConsultationReminder or EventTypes.AnomalyDetected,
        _ => false,
    };

    public const bool DailyDigest = false;
}
