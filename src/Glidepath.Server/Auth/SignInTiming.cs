using System.Security.Cryptography;
using Glidepath.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Glidepath.Server.Auth;

/// <summary>
/// Makes a sign-in for an unknown e-mail (or a locked account, which Identity refuses before
/// hashing) cost the same as a wrong password: it verifies the password against a dummy hash made
/// with the same hasher and parameters, and the answer is the same 401 either way.
/// </summary>
public sealed class SignInTiming(IPasswordHasher<GlidepathUser> hasher)
{
    private readonly GlidepathUser dummy = new() { UserName = "dummy" };
    private readonly Lazy<string> dummyHash = new(() => hasher.HashPassword(new GlidepathUser { UserName = "dummy" }, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    public void SpendEquivalentWork(string password) => hasher.VerifyHashedPassword(dummy, dummyHash.Value, password);
}
