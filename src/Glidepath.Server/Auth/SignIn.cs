using Glidepath.Infrastructure.Identity;
using Glidepath.Server.Audit;
using Glidepath.Server.Auth.Tokens;
using Glidepath.Server.Errors;
using Glidepath.Server.Protection;
using Microsoft.AspNetCore.Identity;

namespace Glidepath.Server.Auth;

/// <summary>
/// Login, refresh and logout. Identity does the hashing, lockout counting and TOTP checks; a wrong
/// password, an unknown e-mail and a locked account get the same 401 after the same hashing work.
/// </summary>
internal static class SignIn
{
    private const string InvalidDetail = "The e-mail address or password is wrong.";

    public static async Task<Results<Ok<TokensDto>, UnauthorizedProblem, TooManyRequestsProblem, ValidationProblem>> Login(
        LoginRequest request, UserManager<GlidepathUser> users, SignInTiming timing, TokenPair tokens, AuditLog audit,
        AccountRateLimiter limiter, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return ValidationErrors.Single("email", "An e-mail address and a password are required.");
        }

        if (limiter.TryAcquire("login:" + request.Email.Trim()) is { } wait)
        {
            return new TooManyRequestsProblem(wait);
        }

        var user = await users.FindByEmailAsync(request.Email.Trim());
        if (user is null)
        {
            timing.SpendEquivalentWork(users.PasswordHasher, request.Password);
            await audit.WriteAsync(AuditEvents.SignInFailed, null, detail: "unknown e-mail", ct: ct);
            return Invalid();
        }

        if (await users.IsLockedOutAsync(user))
        {
            timing.SpendEquivalentWork(users.PasswordHasher, request.Password);
            await audit.WriteAsync(AuditEvents.SignInFailed, user.Id, detail: "locked out", ct: ct);
            return Invalid();
        }

        if (!await users.CheckPasswordAsync(user, request.Password))
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            await audit.WriteAsync(locked ? AuditEvents.LockedOut : AuditEvents.SignInFailed, user.Id, detail: "wrong password", ct: ct);
            return Invalid();
        }

        if (users.Options.SignIn.RequireConfirmedEmail && !await users.IsEmailConfirmedAsync(user))
        {
            await audit.WriteAsync(AuditEvents.SignInFailed, user.Id, detail: "e-mail not confirmed", ct: ct);
            return Invalid();
        }

        var methods = SignInProof.PasswordOnly;
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            if (string.IsNullOrWhiteSpace(request.TotpCode) && string.IsNullOrWhiteSpace(request.RecoveryCode))
            {
                return new UnauthorizedProblem(AuthErrorCodes.MfaRequired, "This account has a second factor: send totpCode (or recoveryCode) with the password.");
            }

            if (!await SecondFactor.VerifyAsync(users, user, request.TotpCode, request.RecoveryCode))
            {
                await users.AccessFailedAsync(user);
                await audit.WriteAsync(AuditEvents.SignInFailed, user.Id, detail: "wrong second factor", ct: ct);
                return new UnauthorizedProblem(AuthErrorCodes.InvalidMfaCode, "The code is wrong or has expired.");
            }

            methods = SignInProof.PasswordAndCode;
        }

        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(AuditEvents.SignIn, user.Id, detail: methods, ct: ct);
        return TypedResults.Ok(await tokens.IssueAsync(user, new SignInProof(clock.GetUtcNow(), methods), familyId: null, ct));
    }

    public static async Task<Results<Ok<TokensDto>, UnauthorizedProblem, TooManyRequestsProblem>> Refresh(
        RefreshRequest request, RefreshTokens refresh, UserManager<GlidepathUser> users, TokenPair tokens, AuditLog audit,
        AccountRateLimiter limiter, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.RefreshToken))
        {
            return InvalidRefresh();
        }

        if (await refresh.OwnerOfAsync(request.RefreshToken, ct) is { } owner && limiter.TryAcquire("refresh:" + owner.ToString("N")) is { } wait)
        {
            return new TooManyRequestsProblem(wait);
        }

        var result = await refresh.RotateAsync(request.RefreshToken, ct);
        if (result.Outcome == RefreshOutcome.Reused)
        {
            await audit.WriteAsync(AuditEvents.RefreshReused, result.UserId, detail: "family revoked", ct: ct);
        }

        if (result.Outcome != RefreshOutcome.Rotated || result.Successor is null || result.Token is null)
        {
            return InvalidRefresh();
        }

        var user = await users.FindByIdAsync(result.Successor.UserId.ToString());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return InvalidRefresh();
        }

        var proof = new SignInProof(result.Successor.AuthenticatedUtc, result.Successor.Methods);
        return TypedResults.Ok(await tokens.AccessAsync(user, proof, result.Token, result.Successor.FamilyId));
    }

    public static async Task<NoContent> Logout(RefreshRequest request, RefreshTokens refresh, AuditLog audit, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(request.RefreshToken) && await refresh.RevokeAsync(request.RefreshToken, ct) is { } userId)
        {
            await audit.WriteAsync(AuditEvents.SignOut, userId, ct: ct);
        }

        return TypedResults.NoContent();
    }

    private static UnauthorizedProblem Invalid() => new(AuthErrorCodes.InvalidCredentials, InvalidDetail);

    private static UnauthorizedProblem InvalidRefresh() =>
        new(AuthErrorCodes.InvalidRefreshToken, "The refresh token is unknown, expired, revoked or already used; sign in again.");
}

/// <summary>
/// Issues an access token with a new refresh token (login, step-up) or with the rotated one (refresh).
/// The refresh-token family is the session: the access token names it in its <c>sid</c> claim.
/// </summary>
public sealed class TokenPair(UserManager<GlidepathUser> users, AccessTokenIssuer issuer, RefreshTokens refresh)
{
    /// <param name="familyId">The session to continue; null starts a new one.</param>
    public async Task<TokensDto> IssueAsync(GlidepathUser user, SignInProof proof, Guid? familyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var family = familyId ?? Guid.NewGuid();
        var refreshToken = await refresh.IssueAsync(user.Id, proof, family, ct);
        return await AccessAsync(user, proof, refreshToken, family);
    }

    public async Task<TokensDto> AccessAsync(GlidepathUser user, SignInProof proof, string refreshToken, Guid familyId)
    {
        var roles = await users.GetRolesAsync(user);
        return new TokensDto(issuer.Issue(user, roles, proof, familyId), refreshToken, issuer.LifetimeSeconds);
    }
}

/// <summary>A TOTP code (RFC 6238 through Identity's authenticator provider) or a one-time recovery code.</summary>
internal static class SecondFactor
{
    public static async Task<bool> VerifyAsync(UserManager<GlidepathUser> users, GlidepathUser user, string? totpCode, string? recoveryCode)
    {
        if (!string.IsNullOrWhiteSpace(totpCode))
        {
            var code = totpCode.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            return await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        }

        return !string.IsNullOrWhiteSpace(recoveryCode)
            && (await users.RedeemTwoFactorRecoveryCodeAsync(user, recoveryCode.Trim())).Succeeded;
    }
}
