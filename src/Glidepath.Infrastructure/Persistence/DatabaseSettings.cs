using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Glidepath.Infrastructure.Persistence;

/// <summary>Which database Glidepath talks to, chosen from configuration once at start.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteConnectionString = "Data Source=./data/glidepath.db";
    public const string SqliteMigrationsAssembly = "Glidepath.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Glidepath.Migrations.Postgres";

    /// <summary>
    /// <c>ConnectionStrings:Postgres</c> set → PostgreSQL; otherwise SQLite from
    /// <c>ConnectionStrings:Sqlite</c> or <see cref="DefaultSqliteConnectionString"/>.
    /// Environment variables (<c>ConnectionStrings__Postgres</c>) override through the usual configuration sources.
    /// </summary>
    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            return new DatabaseSettings(DatabaseProvider.Postgres, postgres);
        }

        var sqlite = configuration.GetConnectionString("Sqlite");
        return new DatabaseSettings(DatabaseProvider.Sqlite, string.IsNullOrWhiteSpace(sqlite) ? DefaultSqliteConnectionString : sqlite);
    }

    /// <summary>Points <paramref name="options"/> at this database with its provider's migrations assembly.</summary>
    public void Apply(DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (Provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            case DatabaseProvider.Sqlite:
                options.UseSqlite(ConnectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {Provider}.");
        }
    }

    /// <summary>
    /// SQLite will not create the folder of its file; do it (0700) so the default ./data/ works on first start,
    /// and create or tighten the database file to 0600 (<see cref="PrivateFiles"/>).
    /// </summary>
    public void EnsureSqliteFolderExists()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var dataSource = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var file = Path.GetFullPath(dataSource);
        var folder = Path.GetDirectoryName(file);
        if (!string.IsNullOrEmpty(folder))
        {
            PrivateFiles.CreateFolder(folder);
        }

        // An empty file is a new SQLite database; creating it here makes it 0600 (SQLite would use the
        // umask, usually 0644), and SQLite gives its -journal, -wal and -shm files the database's mode.
        if (!File.Exists(file))
        {
            try
            {
                using var created = new FileStream(file, PrivateFiles.NewFile());
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process (the CLI, a second instance) created it first.
            }
        }

        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
        {
            PrivateFiles.Tighten(file + suffix);
        }
    }
}
