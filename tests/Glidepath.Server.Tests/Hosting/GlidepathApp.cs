using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Glidepath.Server.Tests.Hosting;

/// <summary>
/// The real server in process over a fresh database of one provider. Demo seeding is off unless
/// asked for, so each test starts from an empty, migrated database. Disposing drops the database,
/// unless the app was started on a database the test owns (<see cref="StartOn"/>, to restart
/// a server over the same data).
/// </summary>
public sealed class GlidepathApp : WebApplicationFactory<Program>
{
    private readonly TestDatabase database;
    private readonly bool seedDemoData;
    private readonly bool ownsDatabase;
    private readonly IReadOnlyDictionary<string, string?> settings;

    private GlidepathApp(TestDatabase database, bool seedDemoData, bool ownsDatabase, IReadOnlyDictionary<string, string?>? settings)
    {
        this.database = database;
        this.seedDemoData = seedDemoData;
        this.ownsDatabase = ownsDatabase;
        this.settings = settings ?? new Dictionary<string, string?>();
    }

    public TestDatabase Database => database;

    /// <param name="settings">Extra configuration, e.g. <c>Glidepath:SimulationRuns:MaxConcurrency</c>.</param>
    public static async Task<GlidepathApp> StartAsync(DatabaseProvider provider, bool seedDemoData = false, IReadOnlyDictionary<string, string?>? settings = null) =>
        Start(new GlidepathApp(await TestDatabase.CreateAsync(provider), seedDemoData, ownsDatabase: true, settings));

    /// <summary>A server over <paramref name="database"/>, which outlives it.</summary>
    public static GlidepathApp StartOn(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null) =>
        Start(new GlidepathApp(database, seedDemoData: false, ownsDatabase: false, settings));

    private static GlidepathApp Start(GlidepathApp app)
    {
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
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Testing");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
        {
            await database.DisposeAsync();
        }
    }
}
