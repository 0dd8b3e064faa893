using Glidepath.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Application.Portfolio;

/// <summary>
/// Coalesces concurrent version lookups of one household (docs/read-model.md, "Read caches"): a read joins the
/// next lookup that starts after it arrived, so any write committed before the read began is seen, while a
/// household's burst of reads (a dashboard asks for positions, net worth and values at once; many clients of one
/// household) costs one query in flight and one waiting instead of one per read.
/// </summary>
public sealed class ReadVersionGate(IServiceScopeFactory scopes)
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, TaskCompletionSource<ReadVersion?>?> waiting = [];

    public async Task<ReadVersion?> CurrentVersionAsync(Guid householdId, CancellationToken ct)
    {
        TaskCompletionSource<ReadVersion?> mine;
        bool start;
        lock (gate)
        {
            // A key present means a lookup is running; its value is the batch that runs after it.
            start = !waiting.TryGetValue(householdId, out var next);
            if (start)
            {
                waiting[householdId] = null;
                mine = NewBatch();
            }
            else
            {
                mine = next ?? NewBatch();
                waiting[householdId] = mine;
            }
        }

        if (start)
        {
            _ = RunAsync(householdId, mine);
        }

        return await mine.Task.WaitAsync(ct);
    }

    /// <summary>Runs the batch, then each batch that gathered meanwhile, until none is waiting.</summary>
    private async Task RunAsync(Guid householdId, TaskCompletionSource<ReadVersion?> batch)
    {
        while (true)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
                batch.SetResult(await PortfolioReads.CurrentVersionAsync(db, householdId, CancellationToken.None));
            }
            catch (Exception e)
            {
                batch.SetException(e);
            }

            lock (gate)
            {
                if (waiting.GetValueOrDefault(householdId) is not { } next)
                {
                    waiting.Remove(householdId);
                    return;
                }

                waiting[householdId] = null;
                batch = next;
            }
        }
    }

    private static TaskCompletionSource<ReadVersion?> NewBatch() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
