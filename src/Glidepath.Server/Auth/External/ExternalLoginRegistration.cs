using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Glidepath.Server.Auth.External;

/// <summary>
/// Registers Microsoft's OpenID Connect handler once per configured provider (authorisation-code flow with
/// PKCE; the handler checks the id_token's signature against the provider's JWKS, its issuer, audience,
/// lifetime and nonce, and the state), signing the external identity into a short-lived cookie that
/// <see cref="ExternalLoginEndpoints"/> turns into Glidepath tokens.
/// </summary>
public static partial class ExternalLoginRegistration
{
    /// <summary>The cookie that carries a just-verified external identity to <c>POST /auth/external/complete</c> (5 minutes, HttpOnly, SameSite=Lax).</summary>
    public const string CookieScheme = "external";

    public static string SchemeOf(string provider) => "oidc-" + provider;

    public static AuthenticationBuilder AddExternalLogins(this AuthenticationBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var providers = Providers(configuration);
        builder.Services.AddSingleton(new ExternalProviders(providers));
        if (providers.Count == 0)
        {
            return builder;
        }

        builder.AddCookie(CookieScheme, cookie =>
        {
            cookie.Cookie.Name = "glidepath.external";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Path = "/auth/external";
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            cookie.SlidingExpiration = false;
        });
        foreach (var (name, options) in providers)
        {
            builder.AddOpenIdConnect(SchemeOf(name), options.DisplayName, oidc =>
            {
                oidc.SignInScheme = CookieScheme;
                oidc.Authority = options.Authority;
                oidc.ClientId = options.ClientId;
                oidc.ClientSecret = options.ClientSecret;
                oidc.RequireHttpsMetadata = options.RequireHttpsMetadata;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.UsePkce = true;
                oidc.CallbackPath = $"/auth/external/{name}/callback";
                oidc.SaveTokens = false; // the provider's tokens are not kept: only who the user is matters
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.MapInboundClaims = false;
                oidc.DisableTelemetry = true;
                oidc.Scope.Clear();
                foreach (var scope in options.Scopes.Append("openid").Distinct(StringComparer.Ordinal))
                {
                    oidc.Scope.Add(scope);
                }

                oidc.ResponseMode = OpenIdConnectResponseMode.Query; // the code comes back on a plain GET redirect
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.TokenValidationParameters.NameClaimType = "sub";

                // A refused answer (bad state, signature, issuer, audience, nonce or PKCE) sends the browser back to
                // the web UI with an error instead of a 500; why goes to the log, not to the browser.
                oidc.Events.OnRemoteFailure = context =>
                {
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Glidepath.ExternalLogin")
                        .LogWarning("External sign-in with {Provider} failed: {Reason}", name, context.Failure?.Message);
                    context.Response.Redirect(ExternalLoginEndpoints.LandingPage + "?error=external-sign-in-failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        }

        return builder;
    }

    private static Dictionary<string, ExternalProviderOptions> Providers(IConfiguration configuration)
    {
        var providers = new Dictionary<string, ExternalProviderOptions>(StringComparer.Ordinal);
        foreach (var section in configuration.GetSection(ExternalProviderOptions.Section).GetChildren())
        {
            var options = section.Get<ExternalProviderOptions>() ?? new ExternalProviderOptions();
            if (!ProviderName().IsMatch(section.Key) || string.IsNullOrWhiteSpace(options.Authority) || string.IsNullOrWhiteSpace(options.ClientId))
            {
                throw new InvalidOperationException(
                    $"External login provider '{section.Key}': the name must be lower-case letters, digits and '-', and Authority and ClientId are required (docs/security.md).");
            }

            if (string.IsNullOrWhiteSpace(options.DisplayName))
            {
                options.DisplayName = section.Key;
            }

            providers[section.Key] = options;
        }

        return providers;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex ProviderName();
}

/// <summary>The configured providers by name (empty when none is configured).</summary>
public sealed class ExternalProviders(IReadOnlyDictionary<string, ExternalProviderOptions> providers)
{
    public IReadOnlyDictionary<string, ExternalProviderOptions> All => providers;
}
