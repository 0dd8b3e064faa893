using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Glidepath.Server.Tests.Hosting;

/// <summary>
/// RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits) from a base32 key, written from the RFC as the
/// tests' independent oracle for Identity's authenticator (checked against the RFC's own vectors).
/// </summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at) => Code(Base32(base32Key), at.ToUnixTimeSeconds() / 30, 6);

    public static string Code(byte[] key, long counter, int digits)
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; this mirrors them.
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var modulo = (int)Math.Pow(10, digits);
        return (binary % modulo).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    public static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
