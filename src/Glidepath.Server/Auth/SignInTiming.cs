using System.Security.Cryptography;
using Glidepath.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Glidepath.Server.Auth;

/// <summary>
/// Makes a sign-in for an unknown e-mail (or a locked account, which Identity refuses before
/// hashing) cost the same as a wrong password: it verifies the password against a dummy hash made
/// with the same hasher and parameters, and the answer is the same 401 either way.
/// A singleton that keeps only the dummy hash: the hasher is scoped (Identity registers it so), so
/// each request passes its own instead of this class holding one past its scope.
/// </summary>
public sealed class SignInTiming
{
    private static readonly GlidepathUser Dummy = new() { UserName = "dummy" };
    private string? dummyHash;

    public void SpendEquivalentWork(IPasswordHasher<GlidepathUser> hasher, string password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        // A race may hash twice on the very first calls; either hash is as good as the other.
        var hash = dummyHash ??= hasher.HashPassword(Dummy, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(Dummy, hash, password);
    }
}
