using System.Net.Mail;
using System.Security.Claims;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Email;
using Glidepath.Infrastructure.Identity;
using Glidepath.Application.Users;
using Glidepath.Server.Auth.Tokens;
using Glidepath.Server.Errors;
using Glidepath.Server.Protection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Auth.External;

public sealed record ExternalProviderDto(string Name, string DisplayName, string StartUrl);

/// <summary>
/// A sign-up through a provider: the new account and household, whether the e-mail address is confirmed, and tokens
/// (null while a confirmation is required before signing in).
/// </summary>
public sealed record ExternalRegisteredDto(Guid UserId, Guid HouseholdId, bool EmailConfirmed, TokensDto? Tokens);

/// <summary>The second factor of a Glidepath account that has one; an external sign-in does not replace it.</summary>
public sealed record ExternalCompleteRequest(string? TotpCode, string? RecoveryCode);

/// <summary>
/// Sign in with an existing identity (OpenID Connect). The browser goes to <c>GET /auth/external/{provider}</c>,
/// signs in at the provider, and comes back through the handler's callback to the web UI's
/// <c>/signin/external</c> page holding a short-lived HttpOnly cookie with the verified identity (issuer,
/// subject, e-mail). That page then posts <c>/auth/external/complete</c> (a linked identity: tokens) or,
/// for an identity not yet linked, <c>/auth/external/link</c> with the existing account's password (and
/// second factor): linking happens only after that proof, never by matching e-mail addresses. An identity
/// whose e-mail address has no account yet may sign up instead (<c>/auth/external/register</c>).
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
        external.MapPost("/register", Register);
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
                $"This {identity.Provider} identity is not linked to a Glidepath account yet: link it with the account's e-mail and password (POST /auth/external/link), or sign up with it (POST /auth/external/register).");
        }

        if (await users.IsLockedOutAsync(user))
        {
            await audit.WriteAsync(AuditEvents.SignInFailed, user.Id, detail: "locked out (external)", ct: ct);
            return new UnauthorizedProblem(AuthErrorCodes.InvalidCredentials, "This account cannot sign in now.");
        }

        // An account signed up through a provider that did not vouch for the address waits for its confirmation too.
        if (users.Options.SignIn.RequireConfirmedEmail && !await users.IsEmailConfirmedAsync(user))
        {
            await audit.WriteAsync(AuditEvents.SignInFailed, user.Id, detail: "e-mail not confirmed (external)", ct: ct);
            return new UnauthorizedProblem(AuthErrorCodes.InvalidCredentials, "Confirm the e-mail address first (see the confirmation e-mail).");
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

    /// <summary>
    /// Sign-up through the provider: a new account (no password; the user role and a household of their own) for
    /// an identity linked to none, named by the e-mail address the provider asserts. The address counts as
    /// confirmed only when the provider says so (<c>email_verified</c>); otherwise the usual confirmation
    /// e-mail goes out, and with <see cref="AuthOptions.RequireConfirmedEmail"/> no tokens are issued until it
    /// is confirmed. An address that already has an account is never taken over: 409 <c>email-taken</c>, and
    /// the owner links the identity with the account's password (<see cref="Link"/>).
    /// </summary>
    private static async Task<Results<Created<ExternalRegisteredDto>, UnauthorizedProblem, ConflictProblem, ForbiddenProblem, ValidationProblem>> Register(
        HttpContext http, UserManager<GlidepathUser> users, SignUps signUps, IEmailSender email, TokenPair tokens, AuditLog audit,
        IOptions<AuthOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (await VerifiedIdentityAsync(http) is not { } identity)
        {
            return NoIdentity();
        }

        if (!options.Value.OpenRegistration)
        {
            return Registration.RegistrationClosed();
        }

        if (await users.FindByLoginAsync(identity.Provider, identity.Subject) is not null)
        {
            return new ConflictProblem(ExternalErrorCodes.LinkedElsewhere, $"This {identity.Provider} identity already has an account: sign in with it (POST /auth/external/complete).");
        }

        var address = identity.Email?.Trim();
        if (address is null || !TextLimits.Fits(address, TextLimits.Email) || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            return ValidationErrors.Single("email", $"{identity.Provider} did not share a usable e-mail address: register with a password, then link this identity.");
        }

        if (await users.FindByEmailAsync(address) is not null)
        {
            return Registration.EmailTaken(
                "An account with this e-mail address exists. If it is yours, link this identity to it with its password (POST /auth/external/link).");
        }

        var user = new GlidepathUser { Id = Guid.NewGuid(), UserName = address, Email = address, EmailConfirmed = identity.EmailVerified, CreatedUtc = clock.GetUtcNow() };
        var (householdId, created) = await signUps.CreateAsync(user, null, new UserLoginInfo(identity.Provider, identity.Subject, identity.Provider), ct);
        if (!created.Succeeded)
        {
            return created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
                ? Registration.EmailTaken("An account with this e-mail address exists.")
                : new ConflictProblem(ExternalErrorCodes.LinkedElsewhere, $"This {identity.Provider} identity could not be registered.");
        }

        await audit.WriteAsync(AuditEvents.Registered, user.Id, householdId, detail: $"via {identity.Provider}", ct: ct);
        await audit.WriteAsync(AuditEvents.ExternalLoginLinked, user.Id, detail: identity.Provider, ct: ct);
        await http.SignOutAsync(ExternalLoginRegistration.CookieScheme);
        if (!identity.EmailVerified)
        {
            await Registration.SendConfirmationAsync(user, users, email, options.Value, ct);
            if (options.Value.RequireConfirmedEmail)
            {
                return TypedResults.Created("/api/me", new ExternalRegisteredDto(user.Id, householdId, false, null));
            }
        }

        await audit.WriteAsync(AuditEvents.SignIn, user.Id, detail: $"{ExternalMethods} via {identity.Provider} (sign-up)", ct: ct);
        var issued = await tokens.IssueAsync(user, new SignInProof(clock.GetUtcNow(), ExternalMethods), familyId: null, ct);
        return TypedResults.Created("/api/me", new ExternalRegisteredDto(user.Id, householdId, identity.EmailVerified, issued));
    }

    /// <summary><c>amr</c> for a sign-in vouched for by another identity provider (RFC 8176 has no value for it; "fed" for federated).</summary>
    public const string ExternalMethods = "fed";

    private sealed record VerifiedIdentity(string Provider, string Subject, string? Email, bool EmailVerified);

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

        // email_verified is a JSON boolean (some providers send the string "true").
        var verified = string.Equals(result.Principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
        return new VerifiedIdentity(provider, subject, result.Principal.FindFirstValue("email"), verified);
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
