using System.Globalization;
using System.Security.Claims;
using Glidepath.Infrastructure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Glidepath.Server.Auth.Tokens;

/// <summary>What a signed-in session proves: who, since when, and with which factors.</summary>
public sealed record SignInProof(DateTimeOffset AuthenticatedUtc, string Methods)
{
    public static string PasswordOnly => AuthClaims.Password;

    public static string PasswordAndCode => $"{AuthClaims.Password} {AuthClaims.OneTimeCode} {AuthClaims.Mfa}";
}

/// <summary>Signs ES256 access tokens: sub, sid, roles, scopes, amr, auth_time; 15 minutes; kid in the header.</summary>
public sealed class AccessTokenIssuer(SigningKeyRing keys, IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    public int LifetimeSeconds => options.Value.AccessTokenMinutes * 60;

    /// <param name="sessionId">The refresh-token family the token belongs to (claim <c>sid</c>), so the session list can mark the caller's own.</param>
    public string Issue(GlidepathUser user, IEnumerable<string> roles, SignInProof proof, Guid? sessionId = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(proof);
        var now = clock.GetUtcNow();
        var roleList = roles.ToList();
        var claims = new List<Claim>
        {
            new(AuthClaims.Subject, user.Id.ToString()),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            new(AuthClaims.AuthTime, proof.AuthenticatedUtc.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64),
            new(AuthClaims.Scope, string.Join(' ', Scopes.For(roleList, options.Value.ReferenceDataWriters))),
        };
        if (sessionId is { } sid)
        {
            claims.Add(new Claim(AuthClaims.Session, sid.ToString()));
        }

        claims.AddRange(roleList.Select(r => new Claim(AuthClaims.Role, r)));
        claims.AddRange(proof.Methods.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(m => new Claim(AuthClaims.Methods, m)));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddSeconds(LifetimeSeconds).UtcDateTime,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(keys.Active, SecurityAlgorithms.EcdsaSha256),
        };
        return handler.CreateToken(descriptor);
    }
}
