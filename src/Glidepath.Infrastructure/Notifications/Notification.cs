namespace Glidepath.Infrastructure.Notifications;

/// <summary>
/// One event told to one user (docs/notifications.md): created by the outbox dispatcher in the same
/// transaction that fans the event out to webhooks, so it exists exactly once per event and user and
/// survives a restart. The in-app centre lists it; the <c>…Pending</c> flags are the channels the
/// notification sender still owes (e-mail, SMS, push and the live SignalR push), cleared as each is sent.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid UserId { get; set; }

    public Guid HouseholdId { get; set; }

    /// <summary>The outbox event it tells of (one notification per event and user).</summary>
    public Guid EventId { get; set; }

    /// <summary>One of <c>EventTypes</c>.</summary>
    public required string EventType { get; set; }

    /// <summary>The rendered subject: ids, symbols, amounts and states only.</summary>
    public required string Title { get; set; }

    /// <summary>The rendered plain text.</summary>
    public required string Body { get; set; }

    /// <summary>The rendered HTML of the e-mail (values HTML-encoded by the template).</summary>
    public required string Html { get; set; }

    /// <summary>UTC (DateTime: SQLite orders it in SQL).</summary>
    public DateTime CreatedUtc { get; set; }

    public DateTime? ReadUtc { get; set; }

    /// <summary>Shown in the notification centre (the user's in-app preference for the kind).</summary>
    public bool InApp { get; set; }

    public bool EmailPending { get; set; }

    public bool SmsPending { get; set; }

    public bool PushPending { get; set; }

    /// <summary>The live push to the user's open pages (SignalR), best effort.</summary>
    public bool LivePending { get; set; }

    /// <summary>Failed sends so far; the sender gives up on the external channels after a few.</summary>
    public int Attempts { get; set; }

    /// <summary>Until when one sender instance holds it (UTC); another instance skips it until then.</summary>
    public DateTime? LeaseExpiresUtc { get; set; }

    public bool AnyPending => EmailPending || SmsPending || PushPending || LivePending;
}

/// <summary>A user's choice for one event kind on one channel; absent means the default (<c>NotificationDefaults</c>).</summary>
public sealed class NotificationPreference
{
    public Guid UserId { get; set; }

    /// <summary>One of <c>EventTypes</c>, or <see cref="NotificationChannels.DigestKind"/> for the daily digest.</summary>
    public required string EventType { get; set; }

    /// <summary>One of <see cref="NotificationChannels"/>.</summary>
    public required string Channel { get; set; }

    public bool Enabled { get; set; }
}

/// <summary>A daily digest sent (or being sent) to a user: the key makes it once per user and day.</summary>
public sealed class NotificationDigest
{
    public Guid UserId { get; set; }

    public DateOnly Day { get; set; }

    public int Count { get; set; }

    public DateTime SentUtc { get; set; }
}

public static class NotificationChannels
{
    public const string InApp = "inApp";
    public const string Email = "email";
    public const string Sms = "sms";
    public const string Push = "push";

    /// <summary>The preference row that turns the daily digest e-mail on (channel <see cref="Email"/>).</summary>
    public const string DigestKind = "daily-digest";

    public static IReadOnlyList<string> All { get; } = [InApp, Email, Sms, Push];

    public static bool IsKnown(string? channel) => channel is not null && All.Contains(channel, StringComparer.Ordinal);
}
