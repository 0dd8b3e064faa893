using Glidepath.Application.Planning.Runs;
using Glidepath.Server.Planning.Runs;

namespace Glidepath.Server.Planning;

public static class PlanningRegistration
{
    /// <summary>The run queue and its background worker (<c>Glidepath:SimulationRuns</c>), and the shipped return datasets.</summary>
    public static IServiceCollection AddPlanning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SimulationRunOptions>().Bind(configuration.GetSection(SimulationRunOptions.Section))
            .Validate(
                o => o.MaxConcurrency >= 1 && o.QueueCapacity >= 1 && o.ProgressInterval > TimeSpan.Zero && o.MaxRunsPerUser >= 1 && o.MaxPathsPerUser >= 1,
                "Glidepath:SimulationRuns needs MaxConcurrency, QueueCapacity, MaxRunsPerUser and MaxPathsPerUser >= 1 and a positive ProgressInterval.")
            .ValidateOnStart();
        services.AddSingleton<SimulationGate>();
        services.AddHostedService<SimulationWorker>();
        return services;
    }
}
