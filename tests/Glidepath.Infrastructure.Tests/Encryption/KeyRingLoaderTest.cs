using System.Security.Cryptography;
using Glidepath.Infrastructure.Encryption;
using Glidepath.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;

namespace Glidepath.Infrastructure.Tests.Encryption;

public sealed class KeyRingLoaderTest : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("glidepath-keys-").FullName;

    private DatabaseSettings Sqlite => new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "data", "glidepath.db")}");

    private static DatabaseSettings Postgres => new(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=unused");

    [Fact]
    public void Load_ConfigurationSection_UsesTheConfiguredActiveKey()
    {
        var (k1, k2) = (Base64Key(), Base64Key());
        var loaded = KeyRingLoader.Load(Config(("Encryption:Keys:1", k1), ("Encryption:Keys:2", k2), ("Encryption:ActiveKey", "1")), Postgres);

        Assert.Equal(1u, loaded.Ring.ActiveKeyId);
        Assert.Equal([1u, 2u], loaded.Ring.KeyIds.Order());
        Assert.Null(loaded.GeneratedKeyFile);
        Assert.DoesNotContain(k1, loaded.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EnvironmentVariables_MapThroughDoubleUnderscores()
    {
        // A unique prefix keeps this test's variables away from every other test's configuration.
        var prefix = "GLIDEPATH_TEST_" + Guid.NewGuid().ToString("N") + "_";
        Environment.SetEnvironmentVariable(prefix + "Encryption__Keys__5", Base64Key());
        Environment.SetEnvironmentVariable(prefix + "Encryption__Keys__9", Base64Key());
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            var loaded = KeyRingLoader.Load(configuration, Postgres);
            Assert.Equal(9u, loaded.Ring.ActiveKeyId); // no ActiveKey: the highest id
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Encryption__Keys__5", null);
            Environment.SetEnvironmentVariable(prefix + "Encryption__Keys__9", null);
        }
    }

    [Fact]
    public void Load_KeyFile_MergesWithTheSectionAndTakesTheFilesActiveKey()
    {
        var file = Path.Combine(folder, "ring.json");
        var shared = RandomNumberGenerator.GetBytes(32);
        KeyFile.Write(file, new Dictionary<uint, byte[]> { [1] = shared, [2] = RandomNumberGenerator.GetBytes(32), [3] = RandomNumberGenerator.GetBytes(32) }, 2);

        var loaded = KeyRingLoader.Load(Config(("Encryption:KeyFile", file), ("Encryption:Keys:1", Convert.ToBase64String(shared))), Postgres);
        Assert.Equal((2u, 3), (loaded.Ring.ActiveKeyId, loaded.Ring.KeyIds.Count));

        var conflict = Assert.Throws<FieldEncryptionConfigurationException>(
            () => KeyRingLoader.Load(Config(("Encryption:KeyFile", file), ("Encryption:Keys:1", Base64Key())), Postgres));
        Assert.Contains("Key 1 is configured twice with different values", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SqliteFirstStartWithGeneration_WritesAnOwnerOnlyKeyFileBesideTheDatabase()
    {
        var first = KeyRingLoader.Load(Config(("Encryption:GenerateKeyFile", "true")), Sqlite);

        var expected = Path.Combine(folder, "data", "keys", "glidepath-keys.json");
        Assert.Equal(expected, first.GeneratedKeyFile);
        Assert.True(File.Exists(expected));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(expected));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(expected)!));
        }

        // The next start (server or CLI, generation on or off) finds the same key.
        var second = KeyRingLoader.Load(Config(), Sqlite);
        Assert.Null(second.GeneratedKeyFile);
        var stored = first.Ring.Protect("4417", ProtectedColumns.AccountNumber);
        Assert.Equal("4417", second.Ring.Unprotect(stored, ProtectedColumns.AccountNumber));
    }

    [Fact]
    public void Load_SqliteWithoutGeneration_FailsWithTheThreeWaysToConfigure()
    {
        var error = Assert.Throws<FieldEncryptionConfigurationException>(() => KeyRingLoader.Load(Config(), Sqlite));
        Assert.StartsWith("No field-encryption key is configured.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Encryption__Keys__1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Encryption:KeyFile", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "data", "keys")));
    }

    [Fact]
    public void Load_PostgresNeverGeneratesAKey()
    {
        var error = Assert.Throws<FieldEncryptionConfigurationException>(() => KeyRingLoader.Load(Config(("Encryption:GenerateKeyFile", "true")), Postgres));
        Assert.StartsWith("No field-encryption key is configured.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExistingDatabaseWithoutItsKeyFile_RefusesToGenerateANewKey()
    {
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        File.WriteAllBytes(Path.Combine(folder, "data", "glidepath.db"), [1, 2, 3]);

        var error = Assert.Throws<FieldEncryptionConfigurationException>(() => KeyRingLoader.Load(Config(("Encryption:GenerateKeyFile", "true")), Sqlite));
        Assert.Contains("exists but its key file", error.Message, StringComparison.Ordinal);
        Assert.Contains("Restore the key file from your backup", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedValues_NameWhereButNeverTheValue()
    {
        const string notAKey = "c2hvcnQ=";
        var error = Assert.Throws<FieldEncryptionConfigurationException>(() => KeyRingLoader.Load(Config(("Encryption:Keys:1", notAKey)), Postgres));
        Assert.Contains("Encryption:Keys:1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(notAKey, error.Message, StringComparison.Ordinal);

        Assert.Throws<FieldEncryptionConfigurationException>(() => KeyRingLoader.Load(Config(("Encryption:Keys:one", Base64Key())), Postgres));
        Assert.Throws<FieldEncryptionConfigurationException>(
            () => KeyRingLoader.Load(Config(("Encryption:Keys:1", Base64Key()), ("Encryption:ActiveKey", "2")), Postgres));
        var missingFile = Assert.Throws<FieldEncryptionConfigurationException>(
            () => KeyRingLoader.Load(Config(("Encryption:KeyFile", Path.Combine(folder, "nope.json"))), Postgres));
        Assert.Contains("does not exist", missingFile.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Base64Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
