using System.Security.Cryptography;
using Glidepath.Infrastructure.Encryption;

namespace Glidepath.Infrastructure.Tests.Encryption;

public sealed class FieldKeyRingTest
{
    private const string Secret = "ACCT-4417-9931-2208";

    private static readonly byte[] Key1 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Key2 = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Protect_ThenUnprotect_RoundTripsUnderTheActiveKey()
    {
        var ring = new FieldKeyRing(new Dictionary<uint, byte[]> { [1] = Key1, [2] = Key2 }, 2);
        var stored = ring.Protect(Secret, ProtectedColumns.AccountNumber);

        Assert.Equal(Secret, ring.Unprotect(stored, ProtectedColumns.AccountNumber));
        Assert.Equal(2u, FieldKeyRing.KeyIdOf(stored));
        Assert.DoesNotContain(Secret, stored, StringComparison.Ordinal);
        Assert.Equal("", ring.Unprotect(ring.Protect("", ProtectedColumns.AccountNotes), ProtectedColumns.AccountNotes));
        Assert.Equal("ünïcødé ✓", ring.Unprotect(ring.Protect("ünïcødé ✓", ProtectedColumns.AccountNotes), ProtectedColumns.AccountNotes));
    }

    [Fact]
    public void Unprotect_ValueFromAnotherColumn_IsRejected()
    {
        var ring = new FieldKeyRing(new Dictionary<uint, byte[]> { [1] = Key1 }, 1);
        var stored = ring.Protect(Secret, ProtectedColumns.AccountNumber);

        var error = Assert.Throws<FieldDecryptionException>(() => ring.Unprotect(stored, ProtectedColumns.AccountNotes));
        Assert.Contains("failed authentication under key 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("copied from another column", error.Message, StringComparison.Ordinal);
        Assert.Equal((ProtectedColumns.AccountNotes, (uint?)1), (error.Column, error.KeyId));
    }

    [Fact]
    public void Unprotect_KeyNotInRing_NamesTheMissingKey()
    {
        var old = new FieldKeyRing(new Dictionary<uint, byte[]> { [1] = Key1 }, 1);
        var stored = old.Protect(Secret, ProtectedColumns.PersonTaxId);
        var ring = new FieldKeyRing(new Dictionary<uint, byte[]> { [2] = Key2 }, 2);

        var error = Assert.Throws<FieldDecryptionException>(() => ring.Unprotect(stored, ProtectedColumns.PersonTaxId));
        Assert.Equal("A value in people.tax_id was encrypted under key 1, which is not in the key ring (keys: 2). "
            + "Add that key to the configured key ring (see docs/encryption.md).", error.Message);
    }

    [Fact]
    public void Unprotect_WrongKeyUnderTheSameId_IsRejectedNotGarbage()
    {
        var stored = new FieldKeyRing(new Dictionary<uint, byte[]> { [1] = Key1 }, 1).Protect(Secret, ProtectedColumns.AccountNumber);
        var wrong = new FieldKeyRing(new Dictionary<uint, byte[]> { [1] = Key2 }, 1);

        var error = Assert.Throws<FieldDecryptionException>(() => wrong.Unprotect(stored, ProtectedColumns.AccountNumber));
        Assert.Contains("the key does not match", error.Message, StringComparison.Ordinal);
        AssertNoSecrets(error.Message, stored);
    }

    [Fact]
    public void Unprotect_TamperedOrForeignText_IsRejected()
    {
        var ring = new FieldKeyRing(new Dictionary<uint, byte[]> { [1] = Key1, [2] = Key2 }, 1);
        var stored = ring.Protect(Secret, ProtectedColumns.AccountNumber);
        var bytes = Convert.FromBase64String(stored);

        bytes[^1] ^= 0x80; // the tag
        Assert.Throws<FieldDecryptionException>(() => ring.Unprotect(Convert.ToBase64String(bytes), ProtectedColumns.AccountNumber));
        bytes[^1] ^= 0x80;
        bytes[4] = 2; // the header's key id: now names key 2, and the associated data no longer matches either
        Assert.Throws<FieldDecryptionException>(() => ring.Unprotect(Convert.ToBase64String(bytes), ProtectedColumns.AccountNumber));

        var plaintext = Assert.Throws<FieldDecryptionException>(() => ring.Unprotect("12345678", ProtectedColumns.AccountNumber));
        Assert.Contains("not a Glidepath ciphertext", plaintext.Message, StringComparison.Ordinal);
        Assert.Throws<FieldDecryptionException>(() => ring.Unprotect("not base64 at all!", ProtectedColumns.AccountNumber));
    }

    [Fact]
    public void Unavailable_FailsClearlyBothWays()
    {
        var error = Assert.Throws<FieldDecryptionException>(() => FieldKeyRing.Unavailable.Protect(Secret, ProtectedColumns.AccountNumber));
        Assert.Contains("no key ring", error.Message, StringComparison.Ordinal);
        var stored = new FieldKeyRing(new Dictionary<uint, byte[]> { [1] = Key1 }, 1).Protect(Secret, ProtectedColumns.AccountNumber);
        Assert.Throws<FieldDecryptionException>(() => FieldKeyRing.Unavailable.Unprotect(stored, ProtectedColumns.AccountNumber));
    }

    [Fact]
    public void Constructor_BadKeys_AreConfigurationErrors()
    {
        Assert.Throws<FieldEncryptionConfigurationException>(() => new FieldKeyRing(new Dictionary<uint, byte[]> { [1] = new byte[16] }, 1));
        Assert.Throws<FieldEncryptionConfigurationException>(() => new FieldKeyRing(new Dictionary<uint, byte[]> { [0] = Key1 }, 0));
        var missing = Assert.Throws<FieldEncryptionConfigurationException>(() => new FieldKeyRing(new Dictionary<uint, byte[]> { [1] = Key1 }, 3));
        Assert.Equal("The active key 3 is not in the key ring (keys: 1).", missing.Message);
    }

    [Fact]
    public void ToString_ShowsIdsOnly()
    {
        var ring = new FieldKeyRing(new Dictionary<uint, byte[]> { [1] = Key1, [2] = Key2 }, 2);
        Assert.Equal("FieldKeyRing (keys 1, 2, active 2)", ring.ToString());
    }

    private static void AssertNoSecrets(string message, string stored)
    {
        Assert.DoesNotContain(Secret, message, StringComparison.Ordinal);
        Assert.DoesNotContain(stored, message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Key1), message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Key2), message, StringComparison.Ordinal);
    }
}
