namespace Glidepath.Server.Auth.External;

/// <summary>
/// One OpenID Connect provider, configured as <c>Auth:External:{name}</c> (name: lower-case letters,
/// digits and '-'; it becomes the path <c>/auth/external/{name}</c>). Any standards-compliant provider:
/// Google (<c>https://accounts.google.com</c>), Microsoft (<c>https://login.microsoftonline.com/{tenant}/v2.0</c>),
/// Keycloak (<c>https://host/realms/{realm}</c>), Authentik (<c>https://host/application/o/{slug}/</c>).
/// </summary>
public sealed class ExternalProviderOptions
{
    public const string Section = "Auth:External";

    /// <summary>Shown on the button: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The issuer; its <c>/.well-known/openid-configuration</c> names every endpoint and the signing keys.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>For confidential clients (Google, Microsoft, Keycloak/Authentik confidential); PKCE is used either way.</summary>
    public string? ClientSecret { get; set; }

    public string[] Scopes { get; set; } = ["openid", "email", "profile"];

    /// <summary>Only for a provider on loopback in development and tests: allows an http:// authority.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
