using System.Text.Encodings.Web;
using Glidepath.Infrastructure.Identity;
using Glidepath.Server.Auth.Tokens;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;
using Glidepath.Server.Privacy;
using Microsoft.AspNetCore.Identity;

namespace Glidepath.Server.Auth.Mfa;

public sealed record TotpEnrolmentDto(string SharedKey, string ProvisioningUri);

public sealed record TotpCodeRequest(string? Code);

public sealed record RecoveryCodesDto(IReadOnlyList<string> RecoveryCodes);

public sealed record StepUpRequest(string? TotpCode, string? RecoveryCode);

/// <summary>
/// TOTP (RFC 6238) through Identity's authenticator provider: <c>/api/me/mfa/totp</c> starts an
/// enrolment (the key and an otpauth:// URI to show as a QR code), <c>…/confirm</c> turns it on with
/// a first code and answers ten recovery codes; <c>/api/me/step-up</c> trades a fresh code for
/// tokens whose <c>auth_time</c> is now, as critical actions require.
/// </summary>
public static class MfaEndpoints
{
    public static RouteGroupBuilder MapMfaEndpoints(this RouteGroupBuilder me)
    {
        var mfa = me.MapGroup("/mfa").WithTags("MFA");
        mfa.MapPost("/totp", Enrol);
        mfa.MapPost("/totp/confirm", Confirm);
        mfa.MapDelete("/totp", Disable).RequireStepUp();
        mfa.MapPost("/recovery-codes", Regenerate).RequireStepUp();
        me.MapPost("/step-up", StepUp).WithTags("MFA");
        return me;
    }

    private static async Task<Results<Ok<TotpEnrolmentDto>, ConflictProblem, NotFoundProblem>> Enrol(
        HttpContext http, UserManager<GlidepathUser> users)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return MeEndpoints.Gone();
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return new ConflictProblem("mfa-already-enabled", "A second factor is already on; turn it off (with a step-up) before enrolling a new one.");
        }

        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var label = UrlEncoder.Default.Encode("Glidepath:" + user.Email);
        var uri = $"otpauth://totp/{label}?secret={key}&issuer=Glidepath&algorithm=SHA1&digits=6&period=30";
        return TypedResults.Ok(new TotpEnrolmentDto(key, uri));
    }

    private static async Task<Results<Ok<RecoveryCodesDto>, ValidationProblem, NotFoundProblem>> Confirm(
        TotpCodeRequest request, HttpContext http, UserManager<GlidepathUser> users, AuditLog audit, CancellationToken ct)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return MeEndpoints.Gone();
        }

        if (await users.GetAuthenticatorKeyAsync(user) is null
            || !await SecondFactor.VerifyAsync(users, user, request.Code, recoveryCode: null))
        {
            return ValidationErrors.Single("code", "The code does not match; check the device's clock and try the current code.");
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await audit.WriteAsync(AuditEvents.MfaEnabled, user.Id, ct: ct);
        return TypedResults.Ok(new RecoveryCodesDto([.. codes!]));
    }

    private static async Task<Results<NoContent, NotFoundProblem>> Disable(HttpContext http, UserManager<GlidepathUser> users, AuditLog audit, CancellationToken ct)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return MeEndpoints.Gone();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.WriteAsync(AuditEvents.MfaDisabled, user.Id, ct: ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<RecoveryCodesDto>, ConflictProblem, NotFoundProblem>> Regenerate(
        HttpContext http, UserManager<GlidepathUser> users, AuditLog audit, CancellationToken ct)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return MeEndpoints.Gone();
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return new ConflictProblem("mfa-not-enabled", "Turn on a second factor first.");
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await audit.WriteAsync(AuditEvents.RecoveryCodesRegenerated, user.Id, ct: ct);
        return TypedResults.Ok(new RecoveryCodesDto([.. codes!]));
    }

    private static async Task<Results<Ok<TokensDto>, ForbiddenProblem, NotFoundProblem, ValidationProblem>> StepUp(
        StepUpRequest request, HttpContext http, UserManager<GlidepathUser> users, TokenPair tokens, RefreshTokens refresh, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.TotpCode) && string.IsNullOrWhiteSpace(request.RecoveryCode))
        {
            return ValidationErrors.Single("totpCode", "Send the current TOTP code (or a recovery code).");
        }

        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return MeEndpoints.Gone();
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return new ForbiddenProblem(AuthErrorCodes.MfaRequired, "Enrol a second factor (POST /api/me/mfa/totp) before a critical action.");
        }

        if (await users.IsLockedOutAsync(user) || !await SecondFactor.VerifyAsync(users, user, request.TotpCode, request.RecoveryCode))
        {
            await users.AccessFailedAsync(user);
            await audit.WriteAsync(AuditEvents.SignInFailed, user.Id, detail: "wrong step-up code", ct: ct);
            return new ForbiddenProblem(AuthErrorCodes.InvalidMfaCode, "The code is wrong or has expired.");
        }

        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(AuditEvents.StepUp, user.Id, ct: ct);

        // The step-up continues the caller's session (its refresh token is spent, a successor carries the new proof),
        // so it does not leave a second live session behind; a token without a live session starts a new one.
        var session = http.User.SessionId() is { } sid && await refresh.SupersedeAsync(user.Id, sid, ct) ? sid : (Guid?)null;
        return TypedResults.Ok(await tokens.IssueAsync(user, new SignInProof(clock.GetUtcNow(), SignInProof.PasswordAndCode), session, ct));
    }
}
