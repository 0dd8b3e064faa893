using Microsoft.AspNetCore.Identity;

namespace Glidepath.Infrastructure.Identity;

/// <summary>A person who signs in. Password hash, lockout and the TOTP key are Identity's own columns.</summary>
public sealed class GlidepathUser : IdentityUser<Guid>
{
    public DateTimeOffset CreatedUtc { get; set; }
}

/// <summary>One of <see cref="Roles"/>.</summary>
public sealed class GlidepathRole : IdentityRole<Guid>
{
}
