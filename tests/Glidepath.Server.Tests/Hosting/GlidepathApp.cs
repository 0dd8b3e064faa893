using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Glidepath.Server.Tests.Hosting;

/// <summary>
/// The real server in process over a fresh database of one provider. Demo seeding is off unless
/// asked for, so each test starts from an empty, migrated database. Disposing drops the database.
/// </summary>
public sealed class GlidepathApp : WebApplicationFactory<Program>
{
    private readonly TestDatabase database;
    private readonly bool seedDemoData;

    private GlidepathApp(TestDatabase database, bool seedDemoData)
    {
        this.database = database;
        this.seedDemoData = seedDemoData;
    }

    public TestDatabase Database => database;

    public static async Task<GlidepathApp> StartAsync(DatabaseProvider provider, bool seedDemoData = false)
    {
        var app = new GlidepathApp(await TestDatabase.CreateAsync(provider), seedDemoData);
        _ = app.Server; // start now, so migrations and seeding run before the first request is timed
        return app;
    }

    public GlidepathDbContext CreateDbContext() => database.CreateDbContext();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in database.ConfigurationValues)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Glidepath:SeedDemoData", seedDemoData ? "true" : "false");
        builder.UseEnvironment("Testing");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }
}
