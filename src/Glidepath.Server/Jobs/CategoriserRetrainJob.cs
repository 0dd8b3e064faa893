using Glidepath.Application.Categories;
using Quartz;

namespace Glidepath.Server.Jobs;

/// <summary>Every ten minutes: retrains the learned categoriser of each household that is due (<see cref="CategoriserLearning.RetrainDueAsync"/>, docs/categoriser.md).</summary>
public sealed class CategoriserRetrainJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CategoriserRetrainJob> logger) : RecordedJob(scopes, clock, logger)
{
    protected override string Name => JobCatalog.CategoriserRetrain;

    protected override Task<string> RunAsync(IServiceProvider services, JobDataMap data, CancellationToken ct) =>
        services.GetRequiredService<CategoriserLearning>().RetrainDueAsync(ct);
}
