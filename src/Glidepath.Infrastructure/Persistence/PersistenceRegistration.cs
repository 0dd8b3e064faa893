using Glidepath.Infrastructure.Encryption;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Import.Prices;
using Glidepath.Infrastructure.Import.Transactions;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Valuation;
using Glidepath.Infrastructure.Rebalancing;
using Glidepath.Infrastructure.TaxLots;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
        settings.EnsureSqliteFolderExists();

        // Loaded on first use (MigrateGlidepathDatabaseAsync, at start), so a missing key stops the host there.
        services.AddSingleton(provider => LoadKeyRing(configuration, settings, provider.GetService<ILoggerFactory>()));
        return services.AddGlidepathPersistence(settings, keyRing: null);
    }

    /// <summary>Same, with explicit settings and key ring (tests, tools).</summary>
    public static IServiceCollection AddGlidepathPersistence(this IServiceCollection services, DatabaseSettings settings, FieldKeyRing? keyRing)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureSqliteFolderExists();
        services.AddSingleton(settings);
        if (keyRing is not null)
        {
            services.AddSingleton(keyRing);
        }

        // Sensitive data logging stays off: parameter values (account numbers) never reach a log.
        // Pooled: creating a context (its options, its internal service scope) cost more than a cached portfolio
        // read's queries (bench/README.md, issue 24). A pooled context is reset between requests; it must hold
        // no state of its own beyond what EF resets (it holds none).
        services.AddDbContextPool<GlidepathDbContext>((provider, options) =>
        {
            settings.Apply(options);
            options.UseFieldEncryption(provider.GetRequiredService<FieldKeyRing>());
        });
        services.AddScoped<KeyRotation>();
        services.AddScoped<LedgerStore>();
        services.AddScoped<ValuationProjector>();
        services.AddScoped<IdenticalPairStore>();
        services.AddScoped<PortfolioSnapshotLoader>();
        services.AddScoped<ProposalStore>();
        services.AddScoped<RebalanceTargetStore>();
        services.AddScoped<TransactionImporter>();
        services.AddScoped<PriceImporter>();
        services.AddScoped<Import.Fx.FxRateImporter>();
        return services;
    }

    private static FieldKeyRing LoadKeyRing(IConfiguration configuration, DatabaseSettings settings, ILoggerFactory? loggers)
    {
        var logger = loggers?.CreateLogger("Glidepath.Encryption");
        try
        {
            var loaded = KeyRingLoader.Load(configuration, settings);
            if (loaded.GeneratedKeyFile is { } file)
            {
                logger?.LogWarning(
                    "Generated a new field-encryption key file at {KeyFile}. BACK IT UP: without it the encrypted account numbers, "
                    + "tax ids, tokens and notes in this database cannot be read. See docs/encryption.md.", file);
            }

            logger?.LogInformation("Field encryption: {KeyCount} key(s), active key {ActiveKey}, from {Source}.",
                loaded.Ring.KeyIds.Count, loaded.Ring.ActiveKeyId, loaded.Source);
            return loaded.Ring;
        }
        catch (FieldEncryptionConfigurationException exception)
        {
            logger?.LogCritical("{Message}", exception.Message);
            throw;
        }
    }

    /// <summary>
    /// Applies the provider's pending migrations, then encrypts (and hashes) second factors stored before
    /// they were protected (<see cref="SecondFactorUpgrade"/>). The server and the CLI call this once at start;
    /// EF Core takes a database lock while migrating, so concurrent starts are safe.
    /// </summary>
    public static async Task MigrateGlidepathDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ = services.GetRequiredService<FieldKeyRing>(); // fail on a missing key before touching the database
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead log (kept in the file, so the CLI uses it too): a commit is one append and one fsync instead
            // of a rollback journal created, synced and deleted (bench/README.md, issue 24), and readers
            // no longer wait for a writer. Synchronous stays FULL: a committed write survives a power cut.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await services.ProtectPlaintextSecondFactorsAsync(cancellationToken);
    }
}
