using System.Globalization;
using Glidepath.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Glidepath.Infrastructure.Encryption;

/// <summary>Where a key ring came from, and the key file written on this start (if any), for the start-up log.</summary>
public sealed record KeyRingLoadResult(FieldKeyRing Ring, string Source, string? GeneratedKeyFile);

/// <summary>
/// Builds the key ring from configuration (docs/encryption.md):
/// <list type="bullet">
/// <item><c>Encryption:Keys:{id}</c> = base64 key, <c>Encryption:ActiveKey</c> = id (appsettings.json, or
/// environment variables <c>Encryption__Keys__1</c>, <c>Encryption__ActiveKey</c>);</item>
/// <item><c>Encryption:KeyFile</c> = path of a JSON key file (see <see cref="KeyFile"/>);</item>
/// <item>on SQLite only, the default key file <c>keys/glidepath-keys.json</c> beside the database file, which
/// is created on first start when <c>Encryption:GenerateKeyFile</c> is true (the server's Development settings).</item>
/// </list>
/// Keys from the section and the file are merged; the active key is <c>Encryption:ActiveKey</c>, else the
/// file's <c>activeKey</c>, else the highest id. No key at all is a start-up error, never a silent plaintext.
/// </summary>
public static class KeyRingLoader
{
    public const string Section = "Encryption";
    public const string DefaultKeyFileName = "glidepath-keys.json";

    public static KeyRingLoadResult Load(IConfiguration configuration, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(database);
        var section = configuration.GetSection(Section);
        var keys = new Dictionary<uint, byte[]>();
        var sources = new List<string>();
        foreach (var child in section.GetSection("Keys").GetChildren())
        {
            keys[KeyFile.ParseId(child.Key, "Encryption:Keys")] = KeyFile.ParseKey(child.Value, $"configuration value Encryption:Keys:{child.Key}");
        }

        if (keys.Count > 0)
        {
            sources.Add("configuration (Encryption:Keys)");
        }

        var configuredFile = section["KeyFile"];
        var generate = bool.TryParse(section["GenerateKeyFile"], out var flag) && flag;
        var keyFile = string.IsNullOrWhiteSpace(configuredFile) ? DefaultKeyFile(database) : Path.GetFullPath(configuredFile);
        uint? fileActive = null;
        string? generated = null;
        if (keyFile is not null && File.Exists(keyFile))
        {
            var (fileKeys, active) = KeyFile.Read(keyFile);
            Merge(keys, fileKeys, keyFile);
            fileActive = active;
            sources.Add("key file " + keyFile);
        }
        else if (keys.Count == 0 && keyFile is not null && generate && database.Provider == DatabaseProvider.Sqlite)
        {
            RefuseIfDatabaseHasData(database, keyFile);
            var key = KeyFile.NewKey();
            KeyFile.Write(keyFile, new Dictionary<uint, byte[]> { [1] = key }, 1);
            keys[1] = key;
            generated = keyFile;
            sources.Add("key file " + keyFile + " (generated)");
        }
        else if (!string.IsNullOrWhiteSpace(configuredFile))
        {
            throw new FieldEncryptionConfigurationException($"The key file Encryption:KeyFile = {keyFile} does not exist.");
        }

        if (keys.Count == 0)
        {
            throw new FieldEncryptionConfigurationException(
                "No field-encryption key is configured. Account numbers, tax ids, tokens and notes are stored encrypted, so Glidepath "
                + "needs a key ring: set Encryption:Keys:1 (base64, from `glidepath keys generate`) and Encryption:ActiveKey in "
                + "appsettings.json or as environment variables (Encryption__Keys__1, Encryption__ActiveKey), or point "
                + "Encryption:KeyFile at a key file. See docs/encryption.md.");
        }

        var activeText = section["ActiveKey"];
        var activeKey = string.IsNullOrWhiteSpace(activeText)
            ? fileActive ?? keys.Keys.Max()
            : KeyFile.ParseId(activeText, "Encryption:ActiveKey");
        return new KeyRingLoadResult(new FieldKeyRing(keys, activeKey), string.Join(" + ", sources), generated);
    }

    /// <summary>On SQLite, <c>keys/glidepath-keys.json</c> in the database file's folder; null elsewhere.</summary>
    public static string? DefaultKeyFile(DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        var file = SqliteFile(database);
        return file is null ? null : Path.Combine(Path.GetDirectoryName(file)!, "keys", DefaultKeyFileName);
    }

    private static string? SqliteFile(DatabaseSettings database)
    {
        var dataSource = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        return string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? null
            : Path.GetFullPath(dataSource);
    }

    /// <summary>
    /// A database that already exists without its key file has either lost the key (restore it from a
    /// backup) or predates encryption; a fresh key would only make its values unreadable later.
    /// </summary>
    private static void RefuseIfDatabaseHasData(DatabaseSettings database, string keyFile)
    {
        if (SqliteFile(database) is { } file && File.Exists(file) && new FileInfo(file).Length > 0)
        {
            throw new FieldEncryptionConfigurationException(
                $"The database {file} exists but its key file {keyFile} does not. Restore the key file from your backup "
                + "(or configure the key ring, see docs/encryption.md); if the database was created before field encryption "
                + "and holds nothing you need, delete it and start again.");
        }
    }

    private static void Merge(Dictionary<uint, byte[]> keys, Dictionary<uint, byte[]> more, string where)
    {
        foreach (var (id, key) in more)
        {
            if (keys.TryGetValue(id, out var existing) && !existing.AsSpan().SequenceEqual(key))
            {
                throw new FieldEncryptionConfigurationException(
                    $"Key {id.ToString(CultureInfo.InvariantCulture)} is configured twice with different values (Encryption:Keys and {where}).");
            }

            keys[id] = key;
        }
    }
}
