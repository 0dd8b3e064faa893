using Glidepath.Application;
using Glidepath.Application.Orders;
using Quartz;

namespace Glidepath.Server.Jobs;

/// <summary>
/// Every minute: <see cref="OrderProcessing"/> as of today, the same use case as
/// <c>glidepath orders process</c>: submits pending orders and books the fills the brokers report
/// (the paper broker's from the stored closes).
/// </summary>
public sealed class OrderProcessingJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OrderProcessingJob> logger) : RecordedJob(scopes, clock, logger)
{
    protected override string Name => JobCatalog.OrderProcessing;

    protected override async Task<string> RunAsync(IServiceProvider services, JobDataMap data, CancellationToken ct)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var run = await services.GetRequiredService<OrderProcessing>().ProcessAsync(clock.Today(), clock.GetUtcNow(), ct);
        return OrderProcessing.Describe(run);
    }
}
