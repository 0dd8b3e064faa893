using Glidepath.Server.Accounts;
using Glidepath.Server.Households;
using Glidepath.Server.Imports;
using Glidepath.Server.Instruments;
using Glidepath.Server.Lots;
using Glidepath.Server.People;
using Glidepath.Server.Planning;
using Glidepath.Server.Positions;
using Glidepath.Server.RealisedGains;
using Glidepath.Server.Rebalancing;
using Glidepath.Server.TaxSettings;
using Glidepath.Server.Transactions;
using Glidepath.Server.Valuation;

namespace Glidepath.Server.Api;

public static class GlidepathApi
{
    /// <summary>
    /// Every feature's endpoints hang off this one <c>/api</c> group, so a policy added here
    /// (authorisation, rate limits) covers them all. Health, OpenAPI and the reference UI stay
    /// outside on purpose.
    /// </summary>
    public static RouteGroupBuilder MapGlidepathApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapHouseholdEndpoints();
        api.MapInstrumentEndpoints();
        api.MapPriceImportEndpoints();

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
        household.MapRebalanceEndpoints();
        household.MapTaxSettingsEndpoints();

        api.MapAccountScope().MapAccountRebalanceEndpoints();
        return api;
    }
}
