using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Auth.Tokens;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Glidepath.Server.Tests.Auth;

/// <summary>Forged and stale access tokens are refused; rotated signing keys keep issued tokens valid.</summary>
public class TokenValidationTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ForgedOrStaleTokens_AreRejected(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var good = app.DefaultUser.AccessToken;
        Assert.Equal(HttpStatusCode.OK, await StatusWith(app, good));

        var parts = good.Split('.');
        var header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject();
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        Assert.Equal("ES256", (string?)header["alg"]);
        Assert.False(string.IsNullOrEmpty((string?)header["kid"]));

        // alg "none": the same claims with no signature.
        var none = Encode(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" }) + "." + parts[1] + ".";
        // a payload changed after signing (the user id swapped), signature kept.
        var tampered = payload.DeepClone().AsObject();
        tampered["sub"] = Guid.NewGuid().ToString();
        var tamperedToken = parts[0] + "." + Encode(tampered) + "." + parts[2];
        // a well-formed ES256 token signed by a key the server does not have, under the real kid.
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var wrongKey = Sign(payload, new ECDsaSecurityKey(stranger) { KeyId = (string)header["kid"]! });
        // validly signed by the server's own key, but expired / for another audience / from another issuer.
        var serverKey = app.Services.GetRequiredService<SigningKeyRing>().Active;
        var expired = payload.DeepClone().AsObject();
        expired["exp"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds();
        expired["nbf"] = DateTimeOffset.UtcNow.AddMinutes(-25).ToUnixTimeSeconds();
        expired["iat"] = DateTimeOffset.UtcNow.AddMinutes(-25).ToUnixTimeSeconds();
        var wrongAudience = payload.DeepClone().AsObject();
        wrongAudience["aud"] = "some-other-api";
        var wrongIssuer = payload.DeepClone().AsObject();
        wrongIssuer["iss"] = "someone-else";
        // HS256 with the public key's bytes as the secret (the classic algorithm-confusion forgery).
        var publicBytes = Encoding.UTF8.GetBytes(serverKey.ECDsa.ExportSubjectPublicKeyInfoPem());
        var confused = new JsonWebTokenHandler().CreateToken(payload.ToJsonString(),
            new SigningCredentials(new SymmetricSecurityKey(publicBytes) { KeyId = serverKey.KeyId }, SecurityAlgorithms.HmacSha256));

        var forged = new Dictionary<string, string>
        {
            ["alg none"] = none,
            ["tampered payload"] = tamperedToken,
            ["wrong key"] = wrongKey,
            ["expired"] = Sign(expired, serverKey),
            ["wrong audience"] = Sign(wrongAudience, serverKey),
            ["wrong issuer"] = Sign(wrongIssuer, serverKey),
            ["HS256 with the public key"] = confused,
            ["garbage"] = "not-a-token",
        };
        foreach (var (name, token) in forged)
        {
            Assert.True(await StatusWith(app, token) == HttpStatusCode.Unauthorized, $"{name} was accepted");
        }

        // The control: the same re-signing path with untouched claims is accepted, so each refusal is about its one change.
        Assert.Equal(HttpStatusCode.OK, await StatusWith(app, Sign(payload, serverKey)));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SigningKeyRotation_KeepsIssuedTokensValid_AndPublishesBothKeys(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var before = app.DefaultUser.AccessToken;
        var admin = await app.CreateUserAsync(roles: ["admin"]);
        var rotated = JsonDocument.Parse(await (await app.CreateClient(admin).PostAsync("/api/admin/signing-keys/rotate", new { })).Content.ReadAsStringAsync()).RootElement;
        var newKid = rotated.GetProperty("keyId").GetString();

        var after = (await app.CreateUserAsync()).AccessToken;
        Assert.Equal(newKid, new JsonWebToken(after).Kid);
        Assert.NotEqual(new JsonWebToken(before).Kid, newKid);
        Assert.Equal(HttpStatusCode.OK, await StatusWith(app, before));
        Assert.Equal(HttpStatusCode.OK, await StatusWith(app, after));

        var jwks = JsonDocument.Parse(await app.CreateAnonymousClient().GetStringAsync("/.well-known/jwks.json")).RootElement.GetProperty("keys");
        var kids = jwks.EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        Assert.Contains(new JsonWebToken(before).Kid, kids);
        Assert.Contains(newKid, kids);
        Assert.All(jwks.EnumerateArray(), k =>
        {
            Assert.Equal("EC", k.GetProperty("kty").GetString());
            Assert.False(k.TryGetProperty("d", out _), "a private key part was published");
        });

        // A token verifies with the published JWK alone, as a third party would check it.
        var published = jwks.EnumerateArray().Single(k => k.GetProperty("kid").GetString() == newKid).GetRawText();
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(after, new TokenValidationParameters
        {
            IssuerSigningKey = new JsonWebKey(published),
            ValidIssuer = "glidepath",
            ValidAudience = "glidepath-api",
        });
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    private static async Task<HttpStatusCode> StatusWith(GlidepathApp app, string token) =>
        (await app.CreateClient(token).GetAsync("/api/households")).StatusCode;

    private static string Encode(JsonObject json) => Base64UrlEncoder.Encode(json.ToJsonString());

    private static string Sign(JsonObject payload, SecurityKey key) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(payload.ToJsonString(), new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256));
}
