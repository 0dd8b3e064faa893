using Glidepath.Server.Accounts;
using Glidepath.Server.Aggregation;
using Glidepath.Server.Admin;
using Glidepath.Server.Alerts;
using Glidepath.Server.Anomalies;
using Glidepath.Server.Assumptions;
using Glidepath.Server.Budgets;
using Glidepath.Server.CorporateActions;
using Glidepath.Server.Advisors;
using Glidepath.Server.Fx;
using Glidepath.Server.Households;
using Glidepath.Server.Imports;
using Glidepath.Server.Instruments;
using Glidepath.Server.Jobs;
using Glidepath.Server.Learning;
using Glidepath.Server.Lots;
using Glidepath.Server.Goals;
using Glidepath.Server.ManualAssets;
using Glidepath.Server.MarketData;
using Glidepath.Server.Orders;
using Glidepath.Server.ModelPortfolios;
using Glidepath.Server.Notifications;
using Glidepath.Server.Optimization;
using Glidepath.Server.People;
using Glidepath.Server.Performance;
using Glidepath.Server.Planning;
using Glidepath.Server.Positions;
using Glidepath.Server.Privacy;
using Glidepath.Server.Protection;
using Glidepath.Server.RealisedGains;
using Glidepath.Server.Recommendations;
using Glidepath.Server.RiskProfile;
using Glidepath.Server.Strategies;
using Glidepath.Server.Rebalancing;
using Glidepath.Server.TaxSettings;
using Glidepath.Server.Transactions;
using Glidepath.Server.Categories;
using Glidepath.Server.Rules;
using Glidepath.Server.Valuation;
using Glidepath.Server.Webhooks;

namespace Glidepath.Server.Api;

public static class GlidepathApi
{
    /// <summary>
    /// Every feature's endpoints hang off this one <c>/api</c> group, so the policies added here cover
    /// them all: a valid access token (authorisation by default), the per-user rate limit and read-cost budget (<see cref="ReadCosts"/>), and the
    /// household ownership filter (<see cref="HouseholdScope.RequireHouseholdAccess"/>). The anonymous
    /// routes (/auth, /.well-known/jwks.json, /health, /openapi, /scalar) stay outside on purpose.
    /// </summary>
    public static RouteGroupBuilder MapGlidepathApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().RequireRateLimiting(RateLimits.Api).RequireReadBudget().RequireHouseholdAccess().RequireQueryDatesInRange();
        api.MapHouseholdEndpoints();
        api.MapInstrumentEndpoints();
        api.MapPriceImportEndpoints();
        api.MapMeEndpoints();
        api.MapAdvisorEndpoints();
        api.MapAdvisorProfileEndpoints();
        api.MapAdminEndpoints();
        api.MapMarketDataEndpoints();
        api.MapJobsEndpoints();
        api.MapOptimizeEndpoints();
        api.MapModelAssumptionsEndpoints();
        api.MapAssumptionsEndpoints();
        api.MapRiskQuestionnaireEndpoints();
        api.MapSharedFxRateEndpoints();
        api.MapNotificationEndpoints();
        api.MapStrategyEndpoints();
        api.MapLearningEndpoints();

        var household = api.MapHouseholdScope();
        household.MapPeopleEndpoints();
        household.MapAccountEndpoints();
        household.MapTransactionEndpoints();
        household.MapPositionEndpoints();
        household.MapLotEndpoints();
        household.MapRealisedGainEndpoints();
        household.MapValuationEndpoints();
        household.MapTransactionImportEndpoints();
        household.MapPlanningEndpoints();
        household.MapAdvisorGrantEndpoints();
        household.MapConsultationEndpoints();
        household.MapPerformanceEndpoints();
        household.MapModelPortfolioEndpoints();
        household.MapHouseholdStrategyEndpoints();
        household.MapRebalanceEndpoints();
        household.MapTaxSettingsEndpoints();
        household.MapAlertEndpoints();
        household.MapAnomalyEndpoints();
        household.MapManualAssetEndpoints();
        household.MapGoalEndpoints();
        household.MapFxRateEndpoints();
        household.MapWebhookEndpoints();
        household.MapCorporateActionEndpoints();
        household.MapRiskProfileEndpoints();
        household.MapRecommendationEndpoints();
        household.MapCategoryEndpoints();
        household.MapRuleEndpoints();
        household.MapCategoriserEndpoints();
        household.MapBudgetEndpoints();
        household.MapConnectionEndpoints();

        api.MapAccountScope().MapAccountRebalanceEndpoints().MapAccountOrderEndpoints().MapAccountImportMappingEndpoints();
        return api;
    }
}
