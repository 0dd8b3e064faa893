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

    /// <summary><see cref="GrantScopes.Read"/> (the default: the advisor sees, never changes) or <see cref="GrantScopes.Write"/>.</summary>
    public string Scope { get; set; } = GrantScopes.Read;

    /// <summary>
    /// For a grant a consultation booking made (docs/advisors.md, "Grants"): the consultation, and when the grant
    /// ends (UTC; the consultation's end plus a day). The expiry job revokes it then; cancelling revokes it at once.
    /// </summary>
    public Guid? ConsultationId { get; set; }

    public DateTime? ExpiresUtc { get; set; }

    public bool IsActive => RevokedUtc is null;
}

/// <summary>What an advisor grant allows: reading the household, or also changing it.</summary>
public static class GrantScopes
{
    public const string Read = "read";
    public const string Write = "write";

    public static bool IsKnown(string? scope) => scope is Read or Write;
}
