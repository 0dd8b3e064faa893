using System.Security.Claims;
using Glidepath.Infrastructure.Identity;
using Glidepath.Server.Audit;
using Glidepath.Server.Auth.Tokens;
using Glidepath.Server.Errors;
using Glidepath.Server.Protection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Glidepath.Server.Auth.External;

public sealed record ExternalProviderDto(string Name, string DisplayName, string StartUrl);

/// <summary>The second factor of a Glidepath account that has one; an external sign-in does not replace it.</summary>
public sealed record ExternalCompleteRequest(string? TotpCode, string? RecoveryCode);

/// <summary>
/// Sign in with an existing identity (OpenID Connect). The browser goes to <c>GET /auth/external/{provider}</c>,
/// signs in at the provider, and comes back through the handler's callback to the web UI's
/// <c>/signin/external</c> page holding a short-lived HttpOnly cookie with the verified identity (issuer,
/// subject, e-mail). That page then posts <c>/auth/external/complete</c> (a linked identity: tokens) or,
/// for an identity not yet linked, <c>/auth/external/link</c> with the existing account's password (and
/// second factor): linking happens only after that proof, never by matching e-mail addresses.
/// </summary>
public static class ExternalLoginEndpoints
{
    public const string ItemProvider = "glidepath.provider";

    /// <summary>The web UI page the provider's callback lands on.</summary>
    public const string LandingPage = "/signin/external";

    public static IEndpointRouteBuilder MapExternalLoginEndpoints(this IEndpointRouteBuilder app)
    {
        var external = app.MapGroup("/auth/external").WithTags("Auth").AllowAnonymous().RequireRateLimiting(RateLimits.Auth);
        external.MapGet("/", List);
        external.MapGet("/{provider}", Start);
        external.MapPost("/complete", Complete);
        external.MapPost("/link", Link);
        return app;
    }

    private static Ok<List<ExternalProviderDto>> List(ExternalProviders providers) =>
        TypedResults.Ok(providers.All.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new ExternalProviderDto(p.Key, p.Value.DisplayName, $"/auth/external/{p.Key}")).ToList());

    private static Results<ChallengeHttpResult, NotFoundProblem> Start(string provider, ExternalProviders providers)
    {
        if (!providers.All.ContainsKey(provider))
        {
            return UnknownProvider(provider);
        }

        var properties = new AuthenticationProperties { RedirectUri = LandingPage };
        properties.Items[ItemProvider] = provider;
        return TypedResults.Challenge(properties, [ExternalLoginRegistration.SchemeOf(provider)]);
    }

    private static async Task<Results<Ok<TokensDto>, UnauthorizedProblem, ConflictProblem>> Complete(
        ExternalCompleteRequest request, HttpContext http, UserManager<GlidepathUser> users, TokenPair tokens, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (await VerifiedIdentityAsync(http) is not { } identity)
        {
            return NoIdentity();
        }

        var user = await users.FindByLoginAsync(identity.Provider, identity.Subject);
        if (user is null)
        {
            return new ConflictProblem(ExternalErrorCodes.NotLinked,
                $"This {identity.Provider} identity is not linked to a Glidepath account yet: link it with the account's e-mail and password (POST /auth/external/link).");
        }

        if (await users.IsLockedOutAsync(user))
        {
            await audit.WriteAsync(AuditEvents.SignInFailed, user.Id, detail: "locked out (external)", ct: ct);
            return new UnauthorizedProblem(AuthErrorCodes.InvalidCredentials, "This account cannot sign in now.");
        }

        var methods = ExternalMethods;
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            if (await SignIn.CheckSecondFactorAsync(request.TotpCode, request.RecoveryCode, users, user, audit, ct) is { } refusal)
            {
                return refusal;
            }

            methods = $"{ExternalMethods} {AuthClaims.OneTimeCode} {AuthClaims.Mfa}";
        }

        await users.ResetAccessFailedCountAsync(user);
        await http.SignOutAsync(ExternalLoginRegistration.CookieScheme);
        await audit.WriteAsync(AuditEvents.SignIn, user.Id, detail: $"{methods} via {identity.Provider}", ct: ct);
        return TypedResults.Ok(await tokens.IssueAsync(user, new SignInProof(clock.GetUtcNow(), methods), familyId: null, ct));
    }

    private static async Task<Results<Ok<TokensDto>, UnauthorizedProblem, TooManyRequestsProblem, ValidationProblem, ConflictProblem>> Link(
        LoginRequest request, HttpContext http, UserManager<GlidepathUser> users, SignInTiming timing, TokenPair tokens, AuditLog audit,
        AccountRateLimiter limiter, TimeProvider clock, CancellationToken ct)
    {
        if (await VerifiedIdentityAsync(http) is not { } identity)
        {
            return NoIdentity();
        }

        // Ownership of the Glidepath account is proved exactly as a login proves it: password, then second factor.
        var check = await SignIn.CheckCredentialsAsync(request, users, timing, audit, limiter, ct);
        if (check.User is not { } user)
        {
            return check.Refusal!.Result switch
            {
                UnauthorizedProblem p => p,
                TooManyRequestsProblem p => p,
                ValidationProblem p => p,
                _ => NoIdentity(),
            };
        }

        if (await users.FindByLoginAsync(identity.Provider, identity.Subject) is { } linked && linked.Id != user.Id)
        {
            return new ConflictProblem(ExternalErrorCodes.LinkedElsewhere, $"This {identity.Provider} identity is already linked to another account.");
        }

        if (!(await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == identity.Provider && l.ProviderKey == identity.Subject))
        {
            var added = await users.AddLoginAsync(user, new UserLoginInfo(identity.Provider, identity.Subject, identity.Provider));
            if (!added.Succeeded)
            {
                return new ConflictProblem(ExternalErrorCodes.LinkedElsewhere, $"This {identity.Provider} identity could not be linked.");
            }

            await audit.WriteAsync(AuditEvents.ExternalLoginLinked, user.Id, detail: identity.Provider, ct: ct);
        }

        await http.SignOutAsync(ExternalLoginRegistration.CookieScheme);
        var methods = $"{check.Methods} {ExternalMethods}";
        await audit.WriteAsync(AuditEvents.SignIn, user.Id, detail: $"{methods} via {identity.Provider}", ct: ct);
        return TypedResults.Ok(await tokens.IssueAsync(user, new SignInProof(clock.GetUtcNow(), methods), familyId: null, ct));
    }

    /// <summary><c>amr</c> for a sign-in vouched for by another identity provider (RFC 8176 has no value for it; "fed" for federated).</summary>
    public const string ExternalMethods = "fed";

    private sealed record VerifiedIdentity(string Provider, string Subject);

    /// <summary>The identity the OIDC handler verified and left in the external cookie, or null.</summary>
    private static async Task<VerifiedIdentity?> VerifiedIdentityAsync(HttpContext http)
    {
        var providers = http.RequestServices.GetRequiredService<ExternalProviders>();
        if (providers.All.Count == 0)
        {
            return null;
        }

        var result = await http.AuthenticateAsync(ExternalLoginRegistration.CookieScheme);
        if (!result.Succeeded || result.Properties?.Items.TryGetValue(ItemProvider, out var provider) != true || provider is null
            || !providers.All.ContainsKey(provider) || result.Principal?.FindFirstValue("sub") is not { Length: > 0 } subject)
        {
            return null;
        }

        return new VerifiedIdentity(provider, subject);
    }

    private static UnauthorizedProblem NoIdentity() =>
        new(ExternalErrorCodes.NoExternalSignIn, "No external sign-in is in progress (or it took longer than 5 minutes): start again at GET /auth/external/{provider}.");

    private static NotFoundProblem UnknownProvider(string provider) =>
        new(ExternalErrorCodes.UnknownProvider, $"No external sign-in provider is called '{provider}'.");
}

public static class ExternalErrorCodes
{
    public const string UnknownProvider = "external-provider-not-found";
    public const string NoExternalSignIn = "external-sign-in-missing";
    public const string NotLinked = "external-login-not-linked";
    public const string LinkedElsewhere = "external-login-taken";
}
