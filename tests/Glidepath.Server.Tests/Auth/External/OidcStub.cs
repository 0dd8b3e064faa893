using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Glidepath.Server.Tests.Auth.External;

/// <summary>
/// A minimal OpenID Connect provider on a loopback port, speaking the real wire format: a discovery
/// document, a JWKS, an authorisation endpoint that insists on PKCE (S256), and a token endpoint that
/// checks the code verifier and answers an RS256-signed id_token carrying the request's nonce.
/// </summary>
public sealed class OidcStub : IAsyncDisposable
{
    public const string ClientId = "glidepath-test";
    public const string ClientSecret = "stub-client-secret";

    private readonly WebApplication app;
    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "stub-key-1" };
    private readonly RsaSecurityKey otherKey = new(RSA.Create(2048)) { KeyId = "stub-key-1" };
    private readonly ConcurrentDictionary<string, (string Challenge, string Nonce, string RedirectUri)> codes = new();

    private OidcStub(WebApplication app) => this.app = app;

    public string Authority { get; private set; } = "";

    /// <summary>The identity the next sign-in asserts.</summary>
    public string Subject { get; set; } = "stub-subject-1";

    public string Email { get; set; } = "someone@example.test";

    /// <summary>The id_token's <c>email_verified</c> claim (a JSON boolean); null leaves it out.</summary>
    public bool? EmailVerified { get; set; }

    /// <summary>Sign the next id_token with a key the JWKS does not publish (a forgery).</summary>
    public bool SignWithUnpublishedKey { get; set; }

    /// <summary>Token requests whose code verifier matched the authorisation request's S256 challenge.</summary>
    public int VerifiedPkceExchanges { get; private set; }

    public static async Task<OidcStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var stub = new OidcStub(builder.Build());
        stub.Map();
        await stub.app.StartAsync();
        stub.Authority = stub.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return stub;
    }

    private void Map()
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = Authority + "/authorize",
            ["token_endpoint"] = Authority + "/token",
            ["jwks_uri"] = Authority + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));

        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = key.KeyId, n = jwk.N, e = jwk.E } } });
        });

        app.MapGet("/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            if (q["response_type"] != "code" || q["client_id"] != ClientId || q["code_challenge_method"] != "S256"
                || string.IsNullOrEmpty(q["code_challenge"]) || string.IsNullOrEmpty(q["nonce"]) || string.IsNullOrEmpty(q["state"]))
            {
                return Results.BadRequest("authorisation-code flow with PKCE (S256), a nonce and a state required");
            }

            var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
            codes[code] = (q["code_challenge"]!, q["nonce"]!, q["redirect_uri"]!);
            return Results.Redirect($"{q["redirect_uri"]}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(q["state"]!)}");
        });

        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || !codes.TryRemove(form["code"].ToString(), out var pending)
                || form["redirect_uri"] != pending.RedirectUri || form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
            if (challenge != pending.Challenge)
            {
                return Results.Json(new { error = "invalid_grant", error_description = "PKCE verification failed" }, statusCode: 400);
            }

            VerifiedPkceExchanges++;
            var now = DateTime.UtcNow;
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Authority,
                Audience = ClientId,
                IssuedAt = now,
                NotBefore = now,
                Expires = now.AddMinutes(5),
                Subject = new ClaimsIdentity(IdTokenClaims(pending.Nonce)),
                SigningCredentials = new SigningCredentials(SignWithUnpublishedKey ? otherKey : key, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { access_token = "stub-access-token", token_type = "Bearer", expires_in = 300, id_token = idToken });
        });
    }

    private List<Claim> IdTokenClaims(string nonce)
    {
        List<Claim> claims = [new("sub", Subject), new("email", Email), new("nonce", nonce)];
        if (EmailVerified is { } verified)
        {
            claims.Add(new Claim("email_verified", verified ? "true" : "false", ClaimValueTypes.Boolean));
        }

        return claims;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        key.Rsa.Dispose();
        otherKey.Rsa.Dispose();
    }
}
