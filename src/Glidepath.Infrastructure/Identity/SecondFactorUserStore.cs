using Glidepath.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Identity;

/// <summary>
/// Identity's EF user store, with recovery codes kept as hashes (<see cref="RecoveryCodeHash"/>) instead of
/// Identity's plaintext. Every <c>user_tokens</c> value (authenticator key, these hashes, the last TOTP
/// step) is also encrypted at rest by the field key ring (<c>ProtectedColumns</c>). A code stored in
/// plaintext before this store existed still redeems once, and the rest are then stored hashed.
/// </summary>
public sealed class SecondFactorUserStore(GlidepathDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<GlidepathUser, GlidepathRole, GlidepathDbContext, Guid>(context, describer)
{
    public const string RecoveryCodesProvider = "[AspNetUserStore]";
    public const string RecoveryCodesName = "RecoveryCodes";

    public override Task ReplaceCodesAsync(GlidepathUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(recoveryCodes);
        return base.ReplaceCodesAsync(user, [.. recoveryCodes.Select(code => RecoveryCodeHash.Of(user.Id, code))], cancellationToken);
    }

    public override async Task<bool> RedeemCodeAsync(GlidepathUser user, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(code);
        var stored = (await GetTokenAsync(user, RecoveryCodesProvider, RecoveryCodesName, cancellationToken) ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries);
        var hash = RecoveryCodeHash.Of(user.Id, code);
        var match = Array.FindIndex(stored, s => RecoveryCodeHash.Matches(s, code, hash));
        if (match < 0)
        {
            return false;
        }

        var rest = stored.Where((_, i) => i != match).Select(s => RecoveryCodeHash.IsHash(s) ? s : RecoveryCodeHash.Of(user.Id, s));
        await SetTokenAsync(user, RecoveryCodesProvider, RecoveryCodesName, string.Join(';', rest), cancellationToken);
        return true;
    }
}
