using System.Security.Cryptography;
using System.Text;

namespace Glidepath.Infrastructure.Identity;

/// <summary>
/// How one-time recovery codes are stored: PBKDF2-HMAC-SHA256 (100,000 iterations, salted with the
/// user's id), as <c>v1:</c> plus hex. A recovery code carries about 50 random bits, so a plain hash of
/// a copied database could be searched; the work factor makes that search cost years, and the whole
/// value is then encrypted with the field key ring like every <c>user_tokens</c> value.
/// </summary>
public static class RecoveryCodeHash
{
    private const string Prefix = "v1:";
    private const int Iterations = 100_000;

    public static string Of(Guid userId, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code.Trim()), userId.ToByteArray(), Iterations, HashAlgorithmName.SHA256, 32);
        return Prefix + Convert.ToHexStringLower(hash);
    }

    public static bool IsHash(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>True when <paramref name="stored"/> (a hash, or a plaintext code from before hashing) is <paramref name="hash"/>'s code.</summary>
    public static bool Matches(string stored, string code, string hash) =>
        IsHash(stored)
            ? CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(hash))
            : CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), Encoding.UTF8.GetBytes(code.Trim()));
}
