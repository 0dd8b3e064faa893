using Glidepath.Infrastructure.Identity;
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
        var check = await CheckCredentialsAsync(request, users, timing, audit, limiter, ct);
        if (check.User is not { } user)
        {
            return check.Refusal!;
        }

        await audit.WriteAsync(AuditEvents.SignIn, user.Id, detail: check.Methods, ct: ct);
        return TypedResults.Ok(await tokens.IssueAsync(user, new SignInProof(clock.GetUtcNow(), check.Methods), familyId: null, ct));
    }

    /// <summary>What checking an e-mail, password and second factor came to: the user and how they proved it, or the refusal.</summary>
    internal sealed record CredentialCheck(GlidepathUser? User, string Methods, Results<Ok<TokensDto>, UnauthorizedProblem, TooManyRequestsProblem, ValidationProblem>? Refusal);

    /// <summary>
    /// The password (and second factor, when the account has one) with lockout, rate limit and equal work
    /// for unknown users: the proof of ownership behind a login and behind linking an external identity.
    /// </summary>
    internal static async Task<CredentialCheck> CheckCredentialsAsync(
        LoginRequest request, UserManager<GlidepathUser> users, SignInTiming timing, AuditLog audit, AccountRateLimiter limiter, CancellationToken ct)
    {
        CredentialCheck Refuse(Results<Ok<TokensDto>, UnauthorizedProblem, TooManyRequestsProblem, ValidationProblem> refusal) => new(null, "", refusal);

        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Refuse(ValidationErrors.Single("email", "An e-mail address and a password are required."));
        }

        if (await limiter.TryAcquireAsync("login:" + request.Email.Trim()) is { } wait)
        {
            return Refuse(new TooManyRequestsProblem(wait));
        }

        var user = await users.FindByEmailAsync(request.Email.Trim());
        if (user is null)
        {
            timing.SpendEquivalentWork(users.PasswordHasher, request.Password);
            await audit.WriteAsync(AuditEvents.SignInFailed, null, detail: "unknown e-mail", ct: ct);
            return Refuse(Invalid());
        }

        if (await users.IsLockedOutAsync(user))
        {
            timing.SpendEquivalentWork(users.PasswordHasher, request.Password);
            await audit.WriteAsync(AuditEvents.SignInFailed, user.Id, detail: "locked out", ct: ct);
            return Refuse(Invalid());
        }

        if (!await users.CheckPasswordAsync(user, request.Password))
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            await audit.WriteAsync(locked ? AuditEvents.LockedOut : AuditEvents.SignInFailed, user.Id, detail: "wrong password", ct: ct);
            return Refuse(Invalid());
        }

        if (users.Options.SignIn.RequireConfirmedEmail && !await users.IsEmailConfirmedAsync(user))
        {
            await audit.WriteAsync(AuditEvents.SignInFailed, user.Id, detail: "e-mail not confirmed", ct: ct);
            return Refuse(Invalid());
        }

        var methods = SignInProof.PasswordOnly;
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            if (await CheckSecondFactorAsync(request.TotpCode, request.RecoveryCode, users, user, audit, ct) is { } refusal)
            {
                return Refuse(refusal);
            }

            methods = SignInProof.PasswordAndCode;
        }

        await users.ResetAccessFailedCountAsync(user);
        return new CredentialCheck(user, methods, null);
    }

    /// <summary>Null when the code is right; else the 401 (<c>mfa-required</c> without a code, <c>invalid-mfa-code</c>, counted towards lockout).</summary>
    internal static async Task<UnauthorizedProblem?> CheckSecondFactorAsync(
        string? totpCode, string? recoveryCode, UserManager<GlidepathUser> users, GlidepathUser user, AuditLog audit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(totpCode) && string.IsNullOrWhiteSpace(recoveryCode))
        {
            return new UnauthorizedProblem(AuthErrorCodes.MfaRequired, "This account has a second factor: send totpCode (or recoveryCode) with the password.");
        }

        if (!await SecondFactor.VerifyAsync(users, user, totpCode, recoveryCode))
        {
            await users.AccessFailedAsync(user);
            await audit.WriteAsync(AuditEvents.SignInFailed, user.Id, detail: "wrong second factor", ct: ct);
            return new UnauthorizedProblem(AuthErrorCodes.InvalidMfaCode, "The code is wrong or has expired.");
        }

        return null;
    }

    public static async Task<Results<Ok<TokensDto>, UnauthorizedProblem, TooManyRequestsProblem>> Refresh(
        RefreshRequest request, RefreshTokens refresh, UserManager<GlidepathUser> users, TokenPair tokens, AuditLog audit,
        AccountRateLimiter limiter, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.RefreshToken))
        {
            return InvalidRefresh();
        }

        if (await refresh.OwnerOfAsync(request.RefreshToken, ct) is { } owner && await limiter.TryAcquireAsync("refresh:" + owner.ToString("N")) is { } wait)
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
