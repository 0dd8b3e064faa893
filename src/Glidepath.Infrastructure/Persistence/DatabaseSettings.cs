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

    /// <summary>SQLite will not create the folder of its file; do it so the default ./data/ works on first start.</summary>
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

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
