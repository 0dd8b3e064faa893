using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Glidepath.Infrastructure.Persistence;

namespace Glidepath.Infrastructure.Encryption;

/// <summary>
/// A key ring on disk: <c>{"activeKey": 2, "keys": {"1": "base64", "2": "base64"}}</c>, the same shape as the
/// <c>Encryption</c> configuration section. Written owner-read/write only (0600) in an owner-only folder.
/// </summary>
public static class KeyFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static (Dictionary<uint, byte[]> Keys, uint? ActiveKey) Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Document? document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonSerializer.Deserialize<Document>(stream, Json);
        }
        catch (JsonException exception)
        {
            throw new FieldEncryptionConfigurationException($"The key file {path} is not valid JSON of the form {{\"activeKey\": 1, \"keys\": {{\"1\": \"base64\"}}}}.", exception);
        }
        catch (IOException exception)
        {
            throw new FieldEncryptionConfigurationException($"The key file {path} cannot be read: {exception.Message}", exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new FieldEncryptionConfigurationException($"The key file {path} cannot be read: {exception.Message}", exception);
        }

        var keys = new Dictionary<uint, byte[]>();
        foreach (var (id, value) in document?.Keys ?? [])
        {
            keys[ParseId(id, path)] = ParseKey(value, $"key {id} in {path}");
        }

        return (keys, document?.ActiveKey);
    }

    /// <summary>Writes (or replaces, atomically) a key file readable by its owner only.</summary>
    public static void Write(string path, IReadOnlyDictionary<uint, byte[]> keys, uint activeKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(keys);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        PrivateFiles.CreateFolder(folder);

        var document = new Document
        {
            ActiveKey = activeKey,
            Keys = keys.OrderBy(k => k.Key).ToDictionary(k => k.Key.ToString(CultureInfo.InvariantCulture), k => Convert.ToBase64String(k.Value)),
        };
        var temporary = full + ".tmp-" + Guid.NewGuid().ToString("N");
        using (var stream = new FileStream(temporary, PrivateFiles.NewFile()))
        {
            JsonSerializer.Serialize(stream, document, Json);
        }

        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>32 bytes from the operating system's CSPRNG.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(FieldCiphertext.KeySize);

    internal static uint ParseId(string id, string where) =>
        uint.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : throw new FieldEncryptionConfigurationException($"Key id \"{id}\" in {where} is not a whole number from 1.");

    /// <summary>Decodes a base64 key; the message on failure names where, never the value.</summary>
    internal static byte[] ParseKey(string? value, string where)
    {
        var buffer = new byte[64];
        if (string.IsNullOrWhiteSpace(value) || !Convert.TryFromBase64String(value.Trim(), buffer, out var written) || written != FieldCiphertext.KeySize)
        {
            throw new FieldEncryptionConfigurationException(
                $"The {where} is not a base64 AES-256 key (32 random bytes; `glidepath keys generate` makes one).");
        }

        return buffer[..written];
    }

    private sealed class Document
    {
        public uint? ActiveKey { get; set; }

        public Dictionary<string, string>? Keys { get; set; }
    }
}
