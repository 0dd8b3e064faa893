using Glidepath.Application;
using Glidepath.Infrastructure.Aggregation;
using Glidepath.Infrastructure.Brokers;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Cli.Hosting;

/// <summary>The server's database, opened the server's way: same settings, migrations applied, no demo data.</summary>
public static class CliDatabase
{
    public static async Task<ServiceProvider> OpenAsync(CliEnvironment env, CancellationToken ct, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(env);
        var collection = new ServiceCollection()
            .AddGlidepathPersistence(env.Configuration)
            .AddScoped<HouseholdReports>()
            .AddSingleton(env.Clock)
            .AddGlidepathApplication()
            .AddGlidepathBrokers(env.Configuration)
            .AddGlidepathAggregation(env.Configuration);
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await services.MigrateGlidepathDatabaseAsync(ct);
        return services;
    }
}
