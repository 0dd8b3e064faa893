using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Glidepath.Migrations.Postgres;

/// <summary>
/// Lets `dotnet ef migrations add X --project src/Glidepath.Migrations.Postgres` build the model
/// without a host; scaffolding a migration never opens this connection.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<GlidepathDbContext>
{
    public const string ConnectionString = "Host=localhost;Database=glidepath_design";

    public GlidepathDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<GlidepathDbContext>();
        new DatabaseSettings(DatabaseProvider.Postgres, ConnectionString).Apply(options);
        return new GlidepathDbContext(options.Options);
    }
}
