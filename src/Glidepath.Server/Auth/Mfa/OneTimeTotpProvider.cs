using System.Globalization;
using Glidepath.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Glidepath.Server.Auth.Mfa;

/// <summary>
/// Identity's authenticator provider (RFC 6238: SHA-1, 6 digits, 30 s steps, one step of drift either
/// way; codes by Otp.NET), with each time step accepted once per user: the last accepted step is stored
/// (a user token, encrypted like the key) and a code of that step or an earlier one is refused, so an
/// observed code cannot be replayed within its window. The step is stored with the user's concurrency
/// stamp, so of two concurrent sign-ins with one code only one succeeds.
/// </summary>
public sealed class OneTimeTotpProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<GlidepathUser>
{
    public const string LoginProvider = "[Glidepath]";
    public const string LastStepName = "LastTotpStep";

    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public Task<string> GenerateAsync(string purpose, UserManager<GlidepathUser> manager, GlidepathUser user) =>
        Task.FromResult(""); // codes come from the user's authenticator app, never from the server

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<GlidepathUser> manager, GlidepathUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        if (await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key || token is not { Length: 6 } || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, Window))
        {
            return false;
        }

        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepName);
        if (last is not null && long.Parse(last, CultureInfo.InvariantCulture) >= step)
        {
            return false;
        }

        return (await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepName, step.ToString(CultureInfo.InvariantCulture))).Succeeded;
    }

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<GlidepathUser> manager, GlidepathUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }
}
