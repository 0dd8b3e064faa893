using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Glidepath.Infrastructure.Webhooks;

/// <summary>
/// <c>Glidepath-Signature: t=UNIX,v1=HEX</c>, HEX = lowercase hex of HMAC-SHA256(secret, "t.body") with
/// the secret's UTF-8 bytes as key: Stripe's scheme, so its verification recipes apply (docs/webhooks.md).
/// </summary>
public static class WebhookSignature
{
    public static string Header(string secret, long unixSeconds, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        var signed = unixSeconds.ToString(CultureInfo.InvariantCulture) + "." + body;
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(signed));
        return $"t={unixSeconds.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>A new secret: <c>whsec_</c> and 32 random bytes, base64url.</summary>
    public static string NewSecret() =>
        "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
