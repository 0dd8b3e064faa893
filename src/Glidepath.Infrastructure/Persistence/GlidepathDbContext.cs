using Glidepath.Domain.Anomalies;
using Glidepath.Domain.Assumptions;
using Glidepath.Domain.Recommendations;
using Glidepath.Domain.RiskProfile;
using Glidepath.Domain.Budgets;
using Glidepath.Domain.Categories;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.Goals;
using Glidepath.Domain.ManualAssets;
using Glidepath.Domain.MarketData;
using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.TaxLossHarvesting;
using Glidepath.Domain.Planning;
using Glidepath.Domain.Portfolios;
using Glidepath.Domain.Strategies;
using Glidepath.Domain.Learning;
using Glidepath.Domain.Pricing;
using Glidepath.Domain.TaxLots;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Domain.Rules;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Aggregation;
using Glidepath.Infrastructure.Advisors;
using Glidepath.Infrastructure.Encryption;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Import.Transactions;
using Glidepath.Infrastructure.Jobs;
using Glidepath.Infrastructure.Notifications;
using Glidepath.Infrastructure.Persistence.Conversions;
using Glidepath.Infrastructure.Valuation;
using Glidepath.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

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
    public DbSet<MacroObservation> MacroObservations => Set<MacroObservation>();

    // A household's own FX rates (they win over the shared ones above for that household only).
    public DbSet<HouseholdFxRate> HouseholdFxRates => Set<HouseholdFxRate>();

    // Manual assets and liabilities (home, car, mortgage) with their dated values: net worth only.
    public DbSet<ManualAsset> ManualAssets => Set<ManualAsset>();
    public DbSet<ManualAssetValue> ManualAssetValues => Set<ManualAssetValue>();

    public DbSet<Goal> Goals => Set<Goal>();

    // Categories, rules and budgets (docs/categories.md): beside the ledger, never part of it.
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<TransactionCategory> TransactionCategories => Set<TransactionCategory>();
    public DbSet<SplitLine> SplitLines => Set<SplitLine>();
    public DbSet<Rule> Rules => Set<Rule>();
    public DbSet<CategoriserModelRecord> CategoriserModels => Set<CategoriserModelRecord>();
    public DbSet<CategorySuggestion> CategorySuggestions => Set<CategorySuggestion>();
    public DbSet<Budget> Budgets => Set<Budget>();
    public DbSet<BudgetFxOverride> BudgetFxOverrides => Set<BudgetFxOverride>();

    // The cached ledger state: derived from Transactions, replaced as a whole per household.
    public DbSet<TaxLot> TaxLots => Set<TaxLot>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<CashBalance> CashBalances => Set<CashBalance>();
    public DbSet<RealisedGain> RealisedGains => Set<RealisedGain>();
    public DbSet<WashSaleAdjustment> WashSaleAdjustments => Set<WashSaleAdjustment>();

    // The daily valuation read model (docs/read-model.md): derived from Transactions and Prices.
    public DbSet<ValuationDayRow> ValuationDays => Set<ValuationDayRow>();
    public DbSet<ValuationGapRow> ValuationGaps => Set<ValuationGapRow>();
    public DbSet<AccountValuationDayRow> AccountValuationDays => Set<AccountValuationDayRow>();
    public DbSet<AccountValuationGapRow> AccountValuationGaps => Set<AccountValuationGapRow>();
    public DbSet<ValuationSeriesState> ValuationSeriesStates => Set<ValuationSeriesState>();

    public DbSet<SharedDataVersion> SharedDataVersions => Set<SharedDataVersion>();

    // The household's table of substantially identical securities (an input to the replay).
    public DbSet<HouseholdIdenticalPair> IdenticalPairs => Set<HouseholdIdenticalPair>();

    // Rebalancing and harvesting inputs, proposals and the orders accepted proposals become.
    public DbSet<HouseholdTaxProfile> TaxProfiles => Set<HouseholdTaxProfile>();
    public DbSet<RebalanceTarget> RebalanceTargets => Set<RebalanceTarget>();
    public DbSet<HouseholdReplacement> Replacements => Set<HouseholdReplacement>();
    public DbSet<StoredProposal> Proposals => Set<StoredProposal>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderTransition> OrderTransitions => Set<OrderTransition>();
    public DbSet<OrderFill> OrderFills => Set<OrderFill>();
    public DbSet<PositionMismatch> PositionMismatches => Set<PositionMismatch>();

    // Planning: saved scenarios and their stored simulation runs.
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<SimulationRun> SimulationRuns => Set<SimulationRun>();

    // Sign-in and authorisation beyond Identity's own tables.
    public DbSet<HouseholdOwner> HouseholdOwners => Set<HouseholdOwner>();
    public DbSet<AdvisorGrant> AdvisorGrants => Set<AdvisorGrant>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    // Advisors: profiles, hours, consultations and their reviews (docs/advisors.md).
    public DbSet<AdvisorProfile> AdvisorProfiles => Set<AdvisorProfile>();
    public DbSet<AdvisorWeeklyHours> AdvisorWeeklyHours => Set<AdvisorWeeklyHours>();
    public DbSet<AdvisorAvailabilityException> AdvisorAvailabilityExceptions => Set<AdvisorAvailabilityException>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<ConsultationReview> ConsultationReviews => Set<ConsultationReview>();
    // Target allocations by asset class.
    public DbSet<ModelPortfolio> ModelPortfolios => Set<ModelPortfolio>();
    // Published strategies, their revisions, follows and reports (docs/strategies.md).
    public DbSet<Strategy> Strategies => Set<Strategy>();
    public DbSet<StrategyRevision> StrategyRevisions => Set<StrategyRevision>();
    public DbSet<StrategyFollow> StrategyFollows => Set<StrategyFollow>();
    public DbSet<StrategyReport> StrategyReports => Set<StrategyReport>();
    // Learning articles (docs/learning.md).
    public DbSet<Article> Articles => Set<Article>();
    // Capital-market assumptions by version, and each person's risk questionnaires (docs/assumptions.md, docs/risk-profile.md).
    public DbSet<CapitalMarketAssumptionSet> CapitalMarketAssumptions => Set<CapitalMarketAssumptionSet>();
    public DbSet<PersonRiskProfile> RiskProfiles => Set<PersonRiskProfile>();
    public DbSet<RecommendationDecision> RecommendationDecisions => Set<RecommendationDecision>();
    // Days the anomaly scan flagged (docs/anomalies.md).
    public DbSet<HouseholdAnomaly> HouseholdAnomalies => Set<HouseholdAnomaly>();
    // Scheduled jobs' runs (Quartz keeps its own qrtz_ tables).
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    // Events waiting to leave the system (webhooks, notifications), written with their cause.
    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<AggregationConnection> AggregationConnections => Set<AggregationConnection>();

    public DbSet<AggregationAccountLink> AggregationAccountLinks => Set<AggregationAccountLink>();
    // Notifications: per user, from the same outbox fan-out as webhooks (docs/notifications.md).
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<NotificationDigest> NotificationDigests => Set<NotificationDigest>();

    // Import: an account's saved column mapping (docs/import.md).
    public DbSet<SavedColumnMapping> ImportMappings => Set<SavedColumnMapping>();

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
        configurationBuilder.Properties<TradeSide>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<OrderStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<OrderType>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ManualAssetKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ManualAssetCategory>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<GoalCategory>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<GoalStatus>().HaveConversion<string>().HaveMaxLength(32);
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
        ProtectedColumns.Apply(builder, FieldEncryptionOptions.KeyRing(this.GetService<IDbContextOptions>()));
        SnakeCaseNames.Apply(builder);
    }
}
