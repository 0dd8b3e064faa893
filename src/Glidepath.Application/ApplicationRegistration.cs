using Glidepath.Application.Accounts;
using Glidepath.Application.Advisors;
using Glidepath.Application.Alerts;
using Glidepath.Application.Anomalies;
using Glidepath.Application.Audit;
using Glidepath.Application.Budgets;
using Glidepath.Application.CorporateActions;
using Glidepath.Application.Events;
using Glidepath.Application.Fx;
using Glidepath.Application.Households;
using Glidepath.Application.Imports;
using Glidepath.Application.Goals;
using Glidepath.Application.ManualAssets;
using Glidepath.Application.Assumptions;
using Glidepath.Application.Learning;
using Glidepath.Application.ModelPortfolios;
using Glidepath.Application.Strategies;
using Glidepath.Application.RiskProfile;
using Glidepath.Application.Notifications;
using Glidepath.Application.Orders;
using Glidepath.Application.People;
using Glidepath.Application.Privacy;
using Glidepath.Application.Performance;
using Glidepath.Application.Planning;
using Glidepath.Application.Portfolio;
using Glidepath.Application.Planning.Runs;
using Glidepath.Application.RealisedGains;
using Glidepath.Application.Rebalancing;
using Glidepath.Application.TaxLossHarvesting;
using Glidepath.Application.TaxSettings;
using Glidepath.Application.Transactions;
using Glidepath.Application.Categories;
using Glidepath.Infrastructure.Categories;
using Glidepath.Application.Rules;
using Glidepath.Application.Users;
using Glidepath.Application.Webhooks;
using Glidepath.Application.Aggregation;
using Glidepath.Infrastructure.Notifications;
using Glidepath.Infrastructure.Webhooks;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Infrastructure.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Glidepath.Application;

public static class ApplicationRegistration
{
    /// <summary>
    /// The use cases both front doors call (after <c>AddGlidepathPersistence</c>); a front door that
    /// queues runs also binds <see cref="SimulationRunOptions"/> (defaults otherwise).
    /// </summary>
    /// <summary>Dividend and split proposals; they need the market-data providers (<c>AddMarketData</c>), which not every front door registers.</summary>
    public static IServiceCollection AddCorporateActionProposals(this IServiceCollection services) => services.AddScoped<CorporateActionProposals>();

    public static IServiceCollection AddGlidepathApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<HouseholdReports>();
        services.TryAddScoped<MacroAssumptions>();
        services.AddLogging(); // the audit log writes its stream too; a front door adds the providers
        services.TryAddSingleton<IClientAddress, NoClientAddress>();
        services.AddScoped<AuditLog>();
        services.TryAddScoped<IEventOutbox, EventOutbox>();
        services.AddScoped<PriceStaleness>();
        services.AddOptions<WebhookOptions>();
        services.AddWebhookHttp();
        services.AddScoped<HouseholdWebhooks>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<IOutboxFanOut, NotificationFanOut>();
        services.AddScoped<UserNotifications>();
        services.TryAddSingleton<IUserNotifier, NoUserNotifier>();
        services.TryAddSingleton<ISmsSender, LoggingSmsSender>();
        services.TryAddSingleton<IPushSender, LoggingPushSender>();
        services.AddScoped<WebhookSender>();
        services.AddScoped<HouseholdAccounts>();
        services.AddScoped<HouseholdDirectory>();
        services.AddScoped<HouseholdPeople>();
        services.AddScoped<HouseholdManualAssets>();
        services.AddScoped<HouseholdGoals>();
        services.AddScoped<GoalStatuses>();
        services.AddScoped<HouseholdFxRates>();
        services.AddScoped<HouseholdTransactions>();
        services.AddScoped<HouseholdCategories>();
        services.AddScoped<TransactionCategorising>();
        services.AddScoped<HouseholdCategoriser>();
        services.AddScoped<CategoriserLearning>();
        services.AddScoped<HouseholdRules>();
        services.AddScoped<HouseholdBudgets>();
        services.AddScoped<CashFlowReports>();
        services.AddScoped<HouseholdModelPortfolios>();
        services.AddScoped<PublishedStrategies>();
        services.AddScoped<LearningArticles>();
        services.AddScoped<CapitalMarketAssumptionsStore>();
        services.AddScoped<HouseholdRiskProfiles>();
        services.AddScoped<HouseholdTaxSettings>();
        services.AddScoped<AccountImportMappings>();
        services.AddScoped<RealisedGainReports>();
        services.AddScoped<PerformanceReports>();
        services.AddOptions<SimulationRunOptions>();
        services.AddSingleton<ReturnSeriesLoader>();
        services.AddSingleton<SimulationQueue>();
        services.AddScoped<PlanSnapshots>();
        services.AddScoped<Plans>();
        services.AddScoped<PlanPreviews>();
        services.AddScoped<SimulationRuns>();
        services.AddScoped<RebalanceProposals>();
        services.AddScoped<HarvestScans>();
        services.AddScoped<OrderTransitions>();
        services.AddScoped<AccountOrders>();
        services.AddScoped<OrderProcessing>();
        services.AddScoped<HouseholdConnections>();
        services.AddScoped<AggregationSync>();
        services.AddScoped<HouseholdAlerts>();
        services.AddSingleton<Recommendations.PlanAdviceCache>();
        services.AddScoped<HouseholdAnomalies>();
        services.AddScoped<Recommendations.HouseholdRecommendations>();
        services.AddScoped<PortfolioReads>();
        services.AddSingleton<ReadVersionGate>();
        return services;
    }

    /// <summary>
    /// The use cases that look users up through ASP.NET Core Identity's <c>UserManager</c> (advisor grants,
    /// the caller's profile): for a front door that signs users in and so registers Identity.
    /// </summary>
    public static IServiceCollection AddGlidepathUserUseCases(this IServiceCollection services)
    {
        services.AddScoped<AdvisorGrants>();
        services.AddScoped<AdvisorProfiles>();
        services.AddScoped<Consultations>();
        services.AddScoped<ConsultationReminders>();
        services.AddScoped<Profiles>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<SignUps>();
        services.AddScoped<PersonalData>();
        return services;
    }
}
