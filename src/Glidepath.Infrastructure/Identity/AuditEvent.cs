namespace Glidepath.Infrastructure.Identity;

/// <summary>
/// One security-relevant event. Never holds a secret or token. When a user erases their account,
/// <see cref="UserId"/> and <see cref="ActorId"/> pointing at them become null and
/// <see cref="IpAddress"/> is cleared: the event stays, anonymised.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTimeOffset OccurredUtc { get; set; }

    /// <summary>A stable kebab-case name from <c>AuditEvents</c> (e.g. <c>sign-in</c>, <c>grant-revoked</c>).</summary>
    public required string Type { get; set; }

    /// <summary>The user the event is about (the subject).</summary>
    public Guid? UserId { get; set; }

    /// <summary>The user who caused it, when not the subject (an admin changing roles, an owner granting).</summary>
    public Guid? ActorId { get; set; }

    public Guid? HouseholdId { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>Short, non-secret detail (a role name, a failure reason).</summary>
    public string? Detail { get; set; }
}
