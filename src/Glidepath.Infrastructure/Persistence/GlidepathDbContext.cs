using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.Planning;
using Glidepath.Domain.Pricing;
using Glidepath.Domain.TaxLots;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence.Conversions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Persistence;

/// <summary>
/// The one DbContext for both providers. Mapping lives in Configurations/ (one class per entity);
/// the model is identical on SQLite and PostgreSQL, only the migrations differ. ASP.NET Core
/// Identity's tables (users, roles, claims, logins, tokens) live in the same database.
/// </summary>
public sealed class GlidepathDbContext(DbContextOptions<GlidepathDbContext> options)
    : IdentityDbContext<GlidepathUser, GlidepathRole, Guid>(options)
{
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Instrument> Instruments => Set<Instrument>();
    public DbSet<Transaction> Transactions => Set<Transaction>();
    public DbSet<PriceClose> Prices => Set<PriceClose>();
    public DbSet<FxRate> FxRates => Set<FxRate>();

    // The cached ledger state: derived from Transactions, replaced as a whole per household.
    public DbSet<TaxLot> TaxLots => Set<TaxLot>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<CashBalance> CashBalances => Set<CashBalance>();
    public DbSet<RealisedGain> RealisedGains => Set<RealisedGain>();

    // Planning: saved scenarios and their stored simulation runs.
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<SimulationRun> SimulationRuns => Set<SimulationRun>();

    // Sign-in and authorisation beyond Identity's own tables.
    public DbSet<HouseholdOwner> HouseholdOwners => Set<HouseholdOwner>();
    public DbSet<AdvisorGrant> AdvisorGrants => Set<AdvisorGrant>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ConcurrencyVersions.Bump(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ConcurrencyVersions.Bump(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Exact money and quantities: decimals map to unconstrained numeric on PostgreSQL and to TEXT
        // on SQLite, so every C# decimal round-trips unchanged. A fixed scale such as numeric(28,10)
        // would round derived values (average cost, pro-rata basis) and a rebuild would no longer
        // equal the cache. SQLite cannot sum or order TEXT decimals: aggregate money in C#, never in SQL.
        configurationBuilder.Properties<Currency>().HaveConversion<CurrencyConverter>().HaveMaxLength(3);

        // Enums as names: readable in SQL and safe against reordering the enum.
        configurationBuilder.Properties<AccountType>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<FilingStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<LotReliefMethod>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<InstrumentType>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<AssetClass>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<TransactionType>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<HoldingTerm>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(GlidepathDbContext).Assembly);
        SnakeCaseNames.Apply(builder);
    }
}
