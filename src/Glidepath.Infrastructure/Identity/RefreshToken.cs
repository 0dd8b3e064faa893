namespace Glidepath.Infrastructure.Identity;

/// <summary>
/// One opaque refresh token, stored only as its SHA-256 hash. Every use consumes it and issues a
/// successor in the same <see cref="FamilyId"/>; presenting a consumed one revokes the family.
/// The family remembers how and when the user authenticated, so refreshed access tokens carry the
/// original <c>auth_time</c> and <c>amr</c> (a refresh is not a new MFA proof).
/// </summary>
public sealed class RefreshToken
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid UserId { get; set; }

    public Guid FamilyId { get; set; }

    /// <summary>Hex SHA-256 of the token; the token itself is never stored.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset ExpiresUtc { get; set; }

    public DateTimeOffset? ConsumedUtc { get; set; }

    public DateTimeOffset? RevokedUtc { get; set; }

    /// <summary>
    /// The token that replaced this one, encrypted with the field key ring (a protected column), so a
    /// concurrent refresh within the reuse grace gets the same successor. Set together with
    /// <see cref="ConsumedUtc"/>; null for a token spent by a step-up (its reuse is never forgiven).
    /// </summary>
    public string? SuccessorToken { get; set; }

    public DateTimeOffset AuthenticatedUtc { get; set; }

    /// <summary>Space-separated authentication methods (RFC 8176): <c>pwd</c>, plus <c>otp mfa</c> after a second factor.</summary>
    public required string Methods { get; set; }
}
