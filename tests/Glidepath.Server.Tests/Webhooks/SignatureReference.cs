using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Glidepath.Server.Tests.Webhooks;

/// <summary>
/// Verification written from docs/webhooks.md alone (not from the server's code): split the header on
/// commas into k=v pairs, take t and every v1, compute HMAC-SHA256 with the secret's UTF-8 bytes as the
/// key over "{t}.{raw body}", compare as hex in constant time, refuse a t more than 300 s from now.
/// </summary>
public static class SignatureReference
{
    public static bool Verify(string secret, string header, string body, DateTimeOffset now)
    {
        long? t = null;
        var signatures = new List<string>();
        foreach (var part in header.Split(','))
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2)
            {
                return false;
            }

            if (kv[0] == "t" && long.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                t = seconds;
            }
            else if (kv[0] == "v1")
            {
                signatures.Add(kv[1]);
            }
        }

        if (t is null || Math.Abs(now.ToUnixTimeSeconds() - t.Value) > 300)
        {
            return false;
        }

        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes($"{t.Value}.{body}"));
        return signatures.Any(s => s.Length == 64 && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(s), expected));
    }
}
