namespace Glidepath.Infrastructure.Identity;

/// <summary>
/// A household owner's permission for one advisor to reach the household. Revoking sets
/// <see cref="RevokedUtc"/> instead of deleting, so the grant's history stays auditable.
/// </summary>
public sealed class AdvisorGrant
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    public Guid AdvisorId { get; set; }

    public Guid GrantedBy { get; set; }

    public DateTimeOffset GrantedUtc { get; set; }

    public DateTimeOffset? RevokedUtc { get; set; }

    public bool IsActive => RevokedUtc is null;
}
