using System.Security.Cryptography;
using System.Text;
using Glidepath.Infrastructure.Encryption;
using Glidepath.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Glidepath.Testing.Databases;

/// <summary>
/// A fresh, migrated database for one test: a temp SQLite file, or a uniquely named database on
/// the GLIDEPATH_TEST_POSTGRES server. Disposing deletes the file or drops the database.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "GLIDEPATH_TEST_POSTGRES";

    private readonly string? _sqliteFolder;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseSettings settings, string? sqliteFolder, string? postgresAdmin, string? postgresName)
    {
        Settings = settings;
        _sqliteFolder = sqliteFolder;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public DatabaseSettings Settings { get; }

    public DatabaseProvider Provider => Settings.Provider;

    /// <summary>The SQLite file, for byte-level checks; null on PostgreSQL.</summary>
    public string? SqliteFile => _sqliteFolder is null ? null : Path.Combine(_sqliteFolder, "glidepath.db");

    /// <summary>The field-encryption key ring contexts and hosts get; set it to switch rings (rotation tests).</summary>
    public TestKeys Keys { get; set; } = TestKeys.Default;

    /// <summary>
    /// Configuration that selects this database and its key ring, e.g. for WebApplicationFactory's
    /// <c>AddInMemoryCollection</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string?> ConfigurationValues
    {
        get
        {
            var values = Provider == DatabaseProvider.Postgres
                ? new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = Settings.ConnectionString }
                : new Dictionary<string, string?> { ["ConnectionStrings:Sqlite"] = Settings.ConnectionString, ["ConnectionStrings:Postgres"] = "" };
            foreach (var (key, value) in Keys.ConfigurationValues)
            {
                values[key] = value;
            }

            return values;
        }
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, CancellationToken cancellationToken = default)
    {
        var database = provider == DatabaseProvider.Postgres ? await CreatePostgresAsync(cancellationToken) : CreateSqlite();
        await using (var db = database.CreateDbContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        return database;
    }

    /// <summary>A context on this database with <see cref="Keys"/>, or with <paramref name="ring"/> when given.</summary>
    public GlidepathDbContext CreateDbContext(FieldKeyRing? ring = null)
    {
        var options = new DbContextOptionsBuilder<GlidepathDbContext>();
        Settings.Apply(options);
        options.UseFieldEncryption(ring ?? Keys.Ring);
        return new GlidepathDbContext(options.Options);
    }

    /// <summary>A service provider with Glidepath persistence on this database, plus whatever <paramref name="configure"/> adds.</summary>
    public ServiceProvider CreateServices(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddGlidepathPersistence(new ConfigurationBuilder().AddInMemoryCollection(ConfigurationValues).Build());
        configure?.Invoke(services);
        return services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>
    /// A fingerprint of everything stored, to prove that a refused write changed nothing: the
    /// SHA-256 of the SQLite file (connections closed first, so no journal is pending), or on
    /// PostgreSQL a dump of every table's rows, sorted. Sequences are not rows: PostgreSQL never
    /// rolls them back, and that is not data.
    /// </summary>
    public async Task<string> SnapshotAsync()
    {
        if (SqliteFile is { } file)
        {
            SqliteConnection.ClearAllPools();
            Assert.False(File.Exists(file + "-journal") || File.Exists(file + "-wal"), "a SQLite journal is still open");
            return Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(file)));
        }

        await using var connection = new NpgsqlConnection(Settings.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
        await using (var rows = await list.ExecuteReaderAsync())
        {
            while (await rows.ReadAsync())
            {
                tables.Add(rows.GetString(0));
            }
        }

        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            dump.Append("-- ").AppendLine(table);
            await using var select = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" t ORDER BY 1", connection);
            await using var rows = await select.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                dump.AppendLine(rows.GetString(0));
            }
        }

        return dump.ToString();
    }

    /// <summary>
    /// Every table's rows as text, sorted, by table name: to prove two databases hold the same data
    /// (a restored backup). Each value is written with its type, so 1 and '1' differ.
    /// </summary>
    public async Task<SortedDictionary<string, List<string>>> DumpRowsAsync()
    {
        await using System.Data.Common.DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(Settings.ConnectionString)
            : new NpgsqlConnection(Settings.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = Provider == DatabaseProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                : "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename";
            await using var rows = await list.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                tables.Add(rows.GetString(0));
            }
        }

        var dump = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var rows = await select.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await rows.ReadAsync())
            {
                var values = new string[rows.FieldCount];
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    var value = rows.GetValue(i);
                    values[i] = value is DBNull ? "null" : value.GetType().Name + ":" + (value is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                }

                lines.Add(string.Join('|', values));
            }

            lines.Sort(StringComparer.Ordinal);
            dump[table] = lines;
        }

        return dump;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteFolder, recursive: true);
        }

        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_postgresAdmin);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static TestDatabase CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "glidepath-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "glidepath.db") }.ToString();
        return new TestDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, connection), folder, null, null);
    }

    private static async Task<TestDatabase> CreatePostgresAsync(CancellationToken cancellationToken)
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set, so the PostgreSQL case cannot run (it fails rather than skips). "
                + "Run scripts/test, or: source scripts/lib/postgres.sh; pg_start; export "
                + $"{PostgresVariable}=\"$PG_CONNECTION_STRING\"; dotnet test ...; pg_stop");
        }

        var name = "glidepath_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(new DatabaseSettings(DatabaseProvider.Postgres, builder.ConnectionString), null, admin, name);
    }
}
