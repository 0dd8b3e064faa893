using Glidepath.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Glidepath.Server.Tests.Hosting;

/// <summary>
/// The test host's password hasher: Identity's own, counting its calls (shared by every scope of one
/// app, in <see cref="PasswordHashCounts"/>), so a test can say how much hashing a request did.
/// </summary>
public sealed class CountingPasswordHasher(IPasswordHasher<GlidepathUser> inner, PasswordHashCounts counts) : IPasswordHasher<GlidepathUser>
{
    public string HashPassword(GlidepathUser user, string password)
    {
        counts.Hashed();
        return inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(GlidepathUser user, string hashedPassword, string providedPassword)
    {
        counts.Verified();
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>How many hashes and verifications the app's password hasher did.</summary>
public sealed class PasswordHashCounts
{
    private int hashes;
    private int verifications;

    public int Hashes => Volatile.Read(ref hashes);

    public int Verifications => Volatile.Read(ref verifications);

    internal void Hashed() => Interlocked.Increment(ref hashes);

    internal void Verified() => Interlocked.Increment(ref verifications);
}
