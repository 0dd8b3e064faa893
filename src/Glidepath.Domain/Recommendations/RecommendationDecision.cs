namespace Glidepath.Domain.Recommendations;

/// <summary>
/// What a household said about a recommendation: accepted or dismissed (with a reason), for the inputs it rested on
/// (<see cref="Fingerprint"/>). One row per household and key; a later decision replaces it. While the
/// recommendation's fingerprint is the same, a dismissal hides it and an acceptance marks it accepted.
/// </summary>
public sealed class RecommendationDecision
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    public required string Key { get; set; }

    public required string Fingerprint { get; set; }

    public RecommendationStatus Status { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset DecidedUtc { get; set; }
}

public enum RecommendationStatus
{
    Open,
    Accepted,
    Dismissed,
}
