using System.Globalization;
using System.Security.Claims;

namespace Glidepath.Server.Auth;

/// <summary>Claim names in Glidepath access tokens (JWT registered and RFC 8176 names, not mapped to .NET's long URIs).</summary>
public static class AuthClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Scope = "scope";
    public const string Methods = "amr";
    public const string AuthTime = "auth_time";

    /// <summary>The session (refresh-token family) an access token was issued for (OpenID Connect's <c>sid</c>).</summary>
    public const string Session = "sid";

    /// <summary><c>amr</c> values: a password, a one-time code, and "more than one factor".</summary>
    public const string Password = "pwd";
    public const string OneTimeCode = "otp";
    public const string Mfa = "mfa";

    public static Guid UserId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.TryParse(user.FindFirst(Subject)?.Value, out var id) ? id : Guid.Empty;
    }

    public static Guid? SessionId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.TryParse(user.FindFirst(Session)?.Value, out var id) ? id : null;
    }

    public static bool HasMfa(this ClaimsPrincipal user) => user.HasClaim(Methods, Mfa);

    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.FindAll(Scope).Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));

    public static DateTimeOffset? AuthenticatedAt(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst(AuthTime)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
