using Glidepath.Application.Alerts;
using Glidepath.Application.Planning;
using Glidepath.Application.Planning.Runs;
using Glidepath.Application.Rebalancing;
using Glidepath.Application.TaxLossHarvesting;
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
    public static IServiceCollection AddGlidepathApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<HouseholdReports>();
        services.TryAddScoped<MacroAssumptions>();
        services.AddOptions<SimulationRunOptions>();
        services.AddSingleton<ReturnSeriesLoader>();
        services.AddSingleton<SimulationQueue>();
        services.AddScoped<PlanSnapshots>();
        services.AddScoped<Plans>();
        services.AddScoped<PlanPreviews>();
        services.AddScoped<SimulationRuns>();
        services.AddScoped<RebalanceProposals>();
        services.AddScoped<HarvestScans>();
        services.AddScoped<HouseholdAlerts>();
        return services;
    }
}
