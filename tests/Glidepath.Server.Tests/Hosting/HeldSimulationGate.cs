using System.Collections.Concurrent;
using Glidepath.Server.Planning.Runs;

namespace Glidepath.Server.Tests.Hosting;

/// <summary>
/// The test host's <see cref="SimulationGate"/>: open, it never holds; closed (<see cref="Close"/>), every
/// run stops at its first progress report above 0 and stays there, running with its progress stored,
/// until <see cref="Open"/> or until it is cancelled (by a user, a delete or shutdown).
/// Background-run tests hold runs here instead of counting on the engine being slow.
/// </summary>
public sealed class HeldSimulationGate : SimulationGate, IDisposable
{
    private readonly ManualResetEventSlim open = new(initialState: true);
    private readonly ConcurrentDictionary<Guid, byte> seen = new();

    /// <summary>Every run that reported progress in this host: what it executed.</summary>
    public IReadOnlyCollection<Guid> Seen => [.. seen.Keys];

    public void Close() => open.Reset();

    public void Open() => open.Set();

    public override void Reached(Guid runId, double progress, CancellationToken ct)
    {
        seen.TryAdd(runId, 0);
        if (progress <= 0 || progress >= 1)
        {
            return;
        }

        try
        {
            open.Wait(ct);
        }
        catch (OperationCanceledException)
        {
            // Cancelled while held: the engine stops at its next cancellation check.
        }
    }

    public void Dispose() => open.Dispose();
}
