using System.Security.Cryptography;
using Glidepath.Infrastructure.Encryption;

namespace Glidepath.Infrastructure.Tests.Encryption;

/// <summary>
/// Known answers from McGrew and Viega, "The Galois/Counter Mode of Operation (GCM)", revised
/// submission to NIST (2005), appendix B, test cases 13, 14 and 16 (AES-256, 96-bit IV).
/// </summary>
public sealed class FieldCiphertextTest
{
    public static TheoryData<string, string, string, string, string, string> McGrewViega => new()
    {
        // case, K, IV, P, A, C || T
        {
            "13",
            "0000000000000000000000000000000000000000000000000000000000000000", "000000000000000000000000", "", "",
            "530f8afbc74536b9a963b4f1c4cb738b"
        },
        {
            "14",
            "0000000000000000000000000000000000000000000000000000000000000000", "000000000000000000000000",
            "00000000000000000000000000000000", "",
            "cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919"
        },
        {
            "16",
            "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
            "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
                + "76fc6ece0f4e1768cddf8853bb2d551b"
        },
    };

    [Theory]
    [MemberData(nameof(McGrewViega))]
    public void Seal_PublishedVector_GivesHeaderNonceCiphertextAndTag(string testCase, string key, string iv, string plaintext, string aad, string expected)
    {
        var sealedValue = FieldCiphertext.Seal(Hex(key), 0x01020304, Hex(iv), Hex(plaintext), Hex(aad));

        // version 01 | key id 01020304 | nonce | ciphertext | tag
        Assert.True(Convert.ToHexStringLower(sealedValue) == "01" + "01020304" + iv + expected, $"test case {testCase}");
        Assert.Equal(Hex(plaintext), FieldCiphertext.Open(Hex(key), sealedValue, Hex(aad)));
        Assert.True(FieldCiphertext.TryReadHeader(sealedValue, out var keyId));
        Assert.Equal(0x01020304u, keyId);
    }

    [Fact]
    public void Open_AnyByteFlipped_FailsAuthentication()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var aad = "glidepath/x"u8.ToArray();
        var sealedValue = FieldCiphertext.Seal(key, 7, "4417-9931-2208"u8, aad);

        // The header is not covered by GCM itself; FieldKeyRing binds it through the associated data.
        for (var i = FieldCiphertext.HeaderSize; i < sealedValue.Length; i++)
        {
            var altered = (byte[])sealedValue.Clone();
            altered[i] ^= 0x01;
            Assert.ThrowsAny<CryptographicException>(() => FieldCiphertext.Open(key, altered, aad));
        }

        Assert.ThrowsAny<CryptographicException>(() => FieldCiphertext.Open(key, sealedValue, "glidepath/y"u8));
        Assert.ThrowsAny<CryptographicException>(() => FieldCiphertext.Open(RandomNumberGenerator.GetBytes(32), sealedValue, aad));
    }

    [Fact]
    public void Seal_SamePlaintextTwice_UsesFreshNonces()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var a = FieldCiphertext.Seal(key, 1, "same"u8, []);
        var b = FieldCiphertext.Seal(key, 1, "same"u8, []);
        Assert.NotEqual(a.AsSpan(FieldCiphertext.HeaderSize, FieldCiphertext.NonceSize).ToArray(), b.AsSpan(FieldCiphertext.HeaderSize, FieldCiphertext.NonceSize).ToArray());
        Assert.Equal(4 + FieldCiphertext.Overhead, a.Length);
    }

    [Fact]
    public void TryReadHeader_OtherVersionOrTooShort_IsFalse()
    {
        var sealedValue = FieldCiphertext.Seal(RandomNumberGenerator.GetBytes(32), 1, "x"u8, []);
        sealedValue[0] = 2;
        Assert.False(FieldCiphertext.TryReadHeader(sealedValue, out _));
        Assert.False(FieldCiphertext.TryReadHeader(new byte[FieldCiphertext.Overhead - 1], out _));
    }

    private static byte[] Hex(string hex) => Convert.FromHexString(hex);
}
