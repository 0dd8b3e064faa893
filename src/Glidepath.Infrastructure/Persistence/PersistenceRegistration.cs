using Glidepath.Infrastructure.Import.Prices;
using Glidepath.Infrastructure.Import.Transactions;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Rebalancing;
using Glidepath.Infrastructure.TaxLots;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Infrastructure.Persistence;

public static class PersistenceRegistration
{
    /// <summary>
    /// Registers <see cref="GlidepathDbContext"/>, <see cref="LedgerStore"/>, <see cref="IdenticalPairStore"/>, <see cref="TransactionImporter"/>
    /// and <see cref="PriceImporter"/> (all scoped) on the provider that configuration selects
    /// (see <see cref="DatabaseSettings.FromConfiguration"/>), and the settings themselves as a singleton.
    /// Hosts must reference both migrations projects so the chosen migrations assembly is deployed.
    /// </summary>
    public static IServiceCollection AddGlidepathPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.FromConfiguration(configuration);
        return services.AddGlidepathPersistence(settings);
    }

    /// <summary>Same, with explicit settings (tests, tools).</summary>
    public static IServiceCollection AddGlidepathPersistence(this IServiceCollection services, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureSqliteFolderExists();
        services.AddSingleton(settings);

        // Sensitive data logging stays off: parameter values (account numbers) never reach a log.
        services.AddDbContext<GlidepathDbContext>(settings.Apply);
        services.AddScoped<LedgerStore>();
        services.AddScoped<IdenticalPairStore>();
        services.AddScoped<PortfolioSnapshotLoader>();
        services.AddScoped<ProposalStore>();
        services.AddScoped<TransactionImporter>();
        services.AddScoped<PriceImporter>();
        return services;
    }

    /// <summary>
    /// Applies the provider's pending migrations. The server and the CLI call this once at start;
    /// EF Core takes a database lock while migrating, so concurrent starts are safe.
    /// </summary>
    public static async Task MigrateGlidepathDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }
}
