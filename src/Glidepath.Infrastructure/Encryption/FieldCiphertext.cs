using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Glidepath.Infrastructure.Encryption;

/// <summary>
/// The stored form of one protected value (docs/encryption.md):
/// <code>
/// offset  size  field
///      0     1  format version (0x01)
///      1     4  key id, unsigned big-endian
///      5    12  nonce (random per value)
///     17     n  AES-256-GCM ciphertext (n = UTF-8 length of the plaintext)
///   17+n    16  GCM tag
/// </code>
/// The whole is base64 (standard alphabet, padded) in a text column. The caller supplies the
/// associated data; <see cref="FieldKeyRing"/> binds it to the header and the column.
/// </summary>
public static class FieldCiphertext
{
    public const byte FormatVersion = 1;
    public const int HeaderSize = 5;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int KeySize = 32;
    public const int Overhead = HeaderSize + NonceSize + TagSize;

    /// <summary>Encrypts with an explicit nonce (tests use published vectors; production passes a random one).</summary>
    public static byte[] Seal(ReadOnlySpan<byte> key, uint keyId, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"An AES-256 key is {KeySize} bytes.", nameof(key));
        }

        if (nonce.Length != NonceSize)
        {
            throw new ArgumentException($"The nonce is {NonceSize} bytes.", nameof(nonce));
        }

        var sealedValue = new byte[Overhead + plaintext.Length];
        WriteHeader(sealedValue, keyId);
        nonce.CopyTo(sealedValue.AsSpan(HeaderSize, NonceSize));
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(
            nonce,
            plaintext,
            sealedValue.AsSpan(HeaderSize + NonceSize, plaintext.Length),
            sealedValue.AsSpan(HeaderSize + NonceSize + plaintext.Length, TagSize),
            associatedData);
        return sealedValue;
    }

    /// <summary>Encrypts under a fresh random nonce.</summary>
    public static byte[] Seal(ReadOnlySpan<byte> key, uint keyId, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        Span<byte> nonce = stackalloc byte[NonceSize];
        RandomNumberGenerator.Fill(nonce);
        return Seal(key, keyId, nonce, plaintext, associatedData);
    }

    /// <summary>
    /// Decrypts a value whose header <see cref="TryReadHeader"/> accepted. Throws
    /// <see cref="AuthenticationTagMismatchException"/> when the key, the associated data or any byte is wrong.
    /// </summary>
    public static byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedValue, ReadOnlySpan<byte> associatedData)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"An AES-256 key is {KeySize} bytes.", nameof(key));
        }

        if (sealedValue.Length < Overhead)
        {
            throw new ArgumentException("Too short to be a sealed value.", nameof(sealedValue));
        }

        var length = sealedValue.Length - Overhead;
        var plaintext = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(
            sealedValue.Slice(HeaderSize, NonceSize),
            sealedValue.Slice(HeaderSize + NonceSize, length),
            sealedValue.Slice(HeaderSize + NonceSize + length, TagSize),
            plaintext,
            associatedData);
        return plaintext;
    }

    /// <summary>Reads format version and key id; false when the bytes are too short or of another format version.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> sealedValue, out uint keyId)
    {
        keyId = 0;
        if (sealedValue.Length < Overhead || sealedValue[0] != FormatVersion)
        {
            return false;
        }

        keyId = BinaryPrimitives.ReadUInt32BigEndian(sealedValue[1..HeaderSize]);
        return true;
    }

    public static void WriteHeader(Span<byte> destination, uint keyId)
    {
        destination[0] = FormatVersion;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..HeaderSize], keyId);
    }
}
