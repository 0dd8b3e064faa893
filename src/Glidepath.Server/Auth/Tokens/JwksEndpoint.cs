using Microsoft.IdentityModel.Tokens;

namespace Glidepath.Server.Auth.Tokens;

/// <summary><c>GET /.well-known/jwks.json</c>: the public half of every verifying key (RFC 7517), anonymous.</summary>
public static class JwksEndpoint
{
    public const string Route = "/.well-known/jwks.json";

    public static IEndpointRouteBuilder MapJwks(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, (SigningKeyRing ring, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=300";
            return TypedResults.Ok(new JwksDocument([.. ring.All.Select(ToJwk)]));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static PublicJwk ToJwk(ECDsaSecurityKey key)
    {
        var p = key.ECDsa.ExportParameters(includePrivateParameters: false);
        return new PublicJwk("EC", "P-256", Base64UrlEncoder.Encode(p.Q.X), Base64UrlEncoder.Encode(p.Q.Y), key.KeyId, "sig", SecurityAlgorithms.EcdsaSha256);
    }
}

public sealed record JwksDocument(IReadOnlyList<PublicJwk> Keys);

public sealed record PublicJwk(
    [property: System.Text.Json.Serialization.JsonPropertyName("kty")] string Kty,
    [property: System.Text.Json.Serialization.JsonPropertyName("crv")] string Crv,
    [property: System.Text.Json.Serialization.JsonPropertyName("x")] string X,
    [property: System.Text.Json.Serialization.JsonPropertyName("y")] string Y,
    [property: System.Text.Json.Serialization.JsonPropertyName("kid")] string Kid,
    [property: System.Text.Json.Serialization.JsonPropertyName("use")] string Use,
    [property: System.Text.Json.Serialization.JsonPropertyName("alg")] string Alg);
