namespace Glidepath.Server.Planning.Runs;

/// <summary>
/// Where a background run may be held after it has made progress. The server's gate never holds;
/// the test host registers one that can, so tests of polling, cancelling, deleting and restarting
/// see a run mid-way whatever the speed of the machine or of the engine.
/// </summary>
public class SimulationGate
{
    /// <summary>
    /// Called on the engine's thread after each progress report of run <paramref name="runId"/>; the
    /// run waits until it returns. Must return when <paramref name="ct"/> (the run's cancellation) fires.
    /// </summary>
    public virtual void Reached(Guid runId, double progress, CancellationToken ct)
    {
    }
}
