using System.Security.Cryptography;
using System.Text;

namespace Glidepath.Infrastructure.Encryption;

/// <summary>
/// The keys that protect sensitive columns: every key that may have written a stored value, and
/// the active one that writes new values. Loaded from configuration, a key file or environment
/// variables (<see cref="KeyRingLoader"/>), never from the database it protects. Key material
/// never appears in <see cref="object.ToString"/>, a log or an exception message.
/// </summary>
public sealed class FieldKeyRing
{
    private const string AssociatedDataPrefix = "glidepath/";

    private readonly Dictionary<uint, byte[]> keys;

    public FieldKeyRing(IReadOnlyDictionary<uint, byte[]> keys, uint activeKeyId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        this.keys = [];
        foreach (var (id, material) in keys)
        {
            if (id == 0)
            {
                throw new FieldEncryptionConfigurationException("Key ids start at 1; 0 is not a valid key id.");
            }

            if (material is not { Length: FieldCiphertext.KeySize })
            {
                throw new FieldEncryptionConfigurationException(
                    $"Key {id} is not {FieldCiphertext.KeySize} bytes (an AES-256 key is 32 random bytes, base64: 44 characters).");
            }

            this.keys[id] = [.. material];
        }

        if (!this.keys.ContainsKey(activeKeyId))
        {
            throw new FieldEncryptionConfigurationException(
                $"The active key {activeKeyId} is not in the key ring (keys: {Describe(this.keys.Keys)}).");
        }

        ActiveKeyId = activeKeyId;
        Fingerprint = ComputeFingerprint();
    }

    private FieldKeyRing()
    {
        keys = [];
        Fingerprint = "unavailable";
    }

    /// <summary>A ring with no keys, for design-time model building: any read or write fails clearly.</summary>
    public static FieldKeyRing Unavailable { get; } = new();

    public uint ActiveKeyId { get; }

    public IReadOnlyCollection<uint> KeyIds => keys.Keys;

    /// <summary>A one-way digest of the ring's content: rings with equal keys share one EF model.</summary>
    internal string Fingerprint { get; }

    /// <summary>Encrypts <paramref name="plaintext"/> for <paramref name="column"/> under the active key; base64 text.</summary>
    public string Protect(string plaintext, string column)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentException.ThrowIfNullOrEmpty(column);
        if (!keys.TryGetValue(ActiveKeyId, out var key))
        {
            throw NotConfigured(column);
        }

        Span<byte> header = stackalloc byte[FieldCiphertext.HeaderSize];
        FieldCiphertext.WriteHeader(header, ActiveKeyId);
        var sealedValue = FieldCiphertext.Seal(key, ActiveKeyId, Encoding.UTF8.GetBytes(plaintext), AssociatedData(header, column));
        return Convert.ToBase64String(sealedValue);
    }

    /// <summary>
    /// Decrypts a value stored for <paramref name="column"/>. A value that is not a Glidepath ciphertext,
    /// names a key the ring lacks, or fails authentication (wrong key, altered bytes, moved from
    /// another column) throws <see cref="FieldDecryptionException"/>; no garbage is ever returned.
    /// </summary>
    public string Unprotect(string stored, string column)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentException.ThrowIfNullOrEmpty(column);
        var sealedValue = Decode(stored, column);
        if (!FieldCiphertext.TryReadHeader(sealedValue, out var keyId))
        {
            throw new FieldDecryptionException(column, null,
                $"A value in {column} is not a Glidepath ciphertext (unknown format version or too short); it was not written by this version or it was altered.");
        }

        if (keys.Count == 0)
        {
            throw NotConfigured(column);
        }

        if (!keys.TryGetValue(keyId, out var key))
        {
            throw new FieldDecryptionException(column, keyId,
                $"A value in {column} was encrypted under key {keyId}, which is not in the key ring (keys: {Describe(keys.Keys)}). "
                + "Add that key to the configured key ring (see docs/encryption.md).");
        }

        try
        {
            var plaintext = FieldCiphertext.Open(key, sealedValue, AssociatedData(sealedValue.AsSpan(0, FieldCiphertext.HeaderSize), column));
            return Encoding.UTF8.GetString(plaintext);
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new FieldDecryptionException(column, keyId,
                $"A value in {column} failed authentication under key {keyId}: the key does not match the one that wrote it, "
                + "or the stored value was altered or copied from another column.", exception);
        }
    }

    /// <summary>The key id a stored value names, or null when it is not a Glidepath ciphertext.</summary>
    public static uint? KeyIdOf(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var buffer = new byte[(stored.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(stored, buffer, out var written))
        {
            return null;
        }

        return FieldCiphertext.TryReadHeader(buffer.AsSpan(0, written), out var keyId) ? keyId : null;
    }

    public override string ToString() => keys.Count == 0 ? "FieldKeyRing (no keys)" : $"FieldKeyRing (keys {Describe(keys.Keys)}, active {ActiveKeyId})";

    /// <summary>Associated data: the value's own header, then the column's stable name, so neither can be swapped.</summary>
    private static byte[] AssociatedData(ReadOnlySpan<byte> header, string column)
    {
        var name = Encoding.UTF8.GetBytes(AssociatedDataPrefix + column);
        var data = new byte[header.Length + name.Length];
        header.CopyTo(data);
        name.CopyTo(data.AsSpan(header.Length));
        return data;
    }

    private static byte[] Decode(string stored, string column)
    {
        try
        {
            return Convert.FromBase64String(stored);
        }
        catch (FormatException exception)
        {
            throw new FieldDecryptionException(column, null,
                $"A value in {column} is not a Glidepath ciphertext (not base64); it may be plaintext written before encryption, or altered.", exception);
        }
    }

    private static FieldDecryptionException NotConfigured(string column) =>
        new(column, null, $"Field encryption has no key ring here, so {column} cannot be read or written (see docs/encryption.md).");

    private static string Describe(IEnumerable<uint> ids) => string.Join(", ", ids.Order());

    private string ComputeFingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> id = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(id, ActiveKeyId);
        hash.AppendData(id);
        foreach (var (keyId, material) in keys.OrderBy(k => k.Key))
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(id, keyId);
            hash.AppendData(id);
            hash.AppendData(material);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
