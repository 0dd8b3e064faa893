using Glidepath.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

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

    /// <summary>Configuration that selects this database, e.g. for WebApplicationFactory's <c>AddInMemoryCollection</c>.</summary>
    public IReadOnlyDictionary<string, string?> ConfigurationValues => Provider == DatabaseProvider.Postgres
        ? new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = Settings.ConnectionString }
        : new Dictionary<string, string?> { ["ConnectionStrings:Sqlite"] = Settings.ConnectionString, ["ConnectionStrings:Postgres"] = "" };

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, CancellationToken cancellationToken = default)
    {
        var database = provider == DatabaseProvider.Postgres ? await CreatePostgresAsync(cancellationToken) : CreateSqlite();
        await using (var db = database.CreateDbContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        return database;
    }

    public GlidepathDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<GlidepathDbContext>();
        Settings.Apply(options);
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
