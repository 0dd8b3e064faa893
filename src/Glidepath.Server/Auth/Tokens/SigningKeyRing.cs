using System.Globalization;
using System.Security.Cryptography;
using Glidepath.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Glidepath.Server.Auth.Tokens;

/// <summary>
/// The ES256 keys that sign and verify access tokens, one PKCS#8 PEM file per key in
/// <see cref="AuthOptions.KeyFolder"/> (file name = key id). The active key signs; every key in the
/// folder verifies and is published in the JWKS, so a rotation leaves tokens signed by the previous
/// key valid until they expire. A first start with an empty folder creates one key.
/// Keys are re-read when the folder changes, so a key added by another instance is picked up.
/// </summary>
public sealed class SigningKeyRing
{
    private readonly string folder;
    private readonly string configuredActiveId;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private Snapshot current;
    private long nextFolderCheck;

    public SigningKeyRing(IOptions<AuthOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        folder = Path.GetFullPath(options.Value.KeyFolder);
        configuredActiveId = options.Value.ActiveKeyId;
        this.clock = clock;
        PrivateFiles.CreateFolder(folder);
        lock (gate)
        {
            if (!Directory.EnumerateFiles(folder, "*.pem").Any())
            {
                CreateKeyFile();
            }

            current = Load();
        }
    }

    public string Folder => folder;

    /// <summary>The key new tokens are signed with.</summary>
    public ECDsaSecurityKey Active => Current().Active;

    /// <summary>Every key that verifies (the active one and those it replaced).</summary>
    public IReadOnlyList<ECDsaSecurityKey> All => Current().Keys;

    /// <summary>
    /// Verification keys for a token's <c>kid</c>: only that key, or none (an unknown kid fails). Every request
    /// verifies a token, so while the kid is known the folder is looked at once a second at most (a deleted key
    /// stops verifying within a second); an unknown kid looks at once (a key another instance has just created).
    /// </summary>
    public IEnumerable<SecurityKey> Resolve(string? keyId)
    {
        var looked = Environment.TickCount64 >= Volatile.Read(ref nextFolderCheck);
        var keys = Matching(looked ? Current() : current, keyId);
        return keys.Count > 0 || looked ? keys : Matching(Current(), keyId);
    }

    /// <summary>Creates a new key and makes it the active one (when no ActiveKeyId pins another). Returns its id.</summary>
    public string Rotate()
    {
        lock (gate)
        {
            var id = CreateKeyFile();
            current = Load();
            return id;
        }
    }

    private static List<SecurityKey> Matching(Snapshot snapshot, string? keyId) =>
        [.. snapshot.Keys.Where(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal))];

    private Snapshot Current()
    {
        Volatile.Write(ref nextFolderCheck, Environment.TickCount64 + 1000);
        var stamp = Directory.GetLastWriteTimeUtc(folder);
        if (stamp != current.FolderStamp)
        {
            lock (gate)
            {
                current = Load();
            }
        }

        return current;
    }

    private string CreateKeyFile()
    {
        // Ids sort by creation time, so "the newest file" is the last id in ordinal order.
        var id = "es256-" + clock.GetUtcNow().ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = Path.Combine(folder, id + ".pem");
        using (var file = new StreamWriter(new FileStream(path, PrivateFiles.NewFile())))
        {
            file.Write(key.ExportPkcs8PrivateKeyPem()); // created 0600, never readable by others even for a moment
        }

        return id;
    }

    private Snapshot Load()
    {
        var stamp = Directory.GetLastWriteTimeUtc(folder);
        var keys = new List<ECDsaSecurityKey>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.pem").Order(StringComparer.Ordinal))
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(File.ReadAllText(file));
            keys.Add(new ECDsaSecurityKey(ecdsa) { KeyId = Path.GetFileNameWithoutExtension(file) });
        }

        if (keys.Count == 0)
        {
            throw new InvalidOperationException($"No signing key (*.pem) in {folder}.");
        }

        var active = string.IsNullOrEmpty(configuredActiveId)
            ? keys[^1]
            : keys.FirstOrDefault(k => k.KeyId == configuredActiveId)
              ?? throw new InvalidOperationException($"Auth:ActiveKeyId '{configuredActiveId}' is not a key in {folder}.");
        return new Snapshot(stamp, keys, active);
    }

    private sealed record Snapshot(DateTime FolderStamp, IReadOnlyList<ECDsaSecurityKey> Keys, ECDsaSecurityKey Active);
}
