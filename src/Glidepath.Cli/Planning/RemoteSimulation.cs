using System.Text.Json;
using Glidepath.Cli.Remote;
using Glidepath.Client.Generated;
using Glidepath.Domain.Planning;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Glidepath.Cli.Planning;

/// <summary>
/// <c>simulate --household ID --plan ID</c> with <c>--server</c>: RunSimulation queues a run of the stored plan (the
/// server's runs are how it simulates; the run stays in the plan's history as one started from the web would), then
/// GetSimulationRun is polled until the run ends. Its <c>result</c> is the report the local command prints, written by
/// the same <see cref="SimulationReport"/>. Cancelling the command (Ctrl+C) cancels the run.
/// </summary>
internal static class RemoteSimulation
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public static async Task<SimulationReport.SimulationOutput> RunAsync(
        IRequestAdapter adapter, Guid householdId, Guid planId, int? paths, ulong? seed, CancellationToken ct)
    {
        var simulations = new GlidepathApiClient(adapter).Api.V1.Households[householdId].Plans[planId].Simulations;
        var body = new Client.Generated.Models.SimulateRequest { Paths = paths, Seed = seed is { } s ? new UntypedDecimal(s) : null };
        var queued = await simulations.PostAsync(body, cancellationToken: ct) ?? throw new RemoteException("the server's answer has no run.");
        var run = simulations[queued.Id.Need("id")];
        try
        {
            while (true)
            {
                using var answer = JsonDocument.Parse(await adapter.SendForTextAsync(run.ToGetRequestInformation(), ct));
                var root = answer.RootElement;
                switch (root.GetProperty("status").GetString())
                {
                    case "Succeeded":
                        return root.GetProperty("result").Deserialize<SimulationReport.SimulationOutput>(SimulationReport.Json)
                            ?? throw new RemoteException("the server's run has no result.");
                    case "Failed":
                        throw new RemoteException($"plan {planId}: the server's run failed: {root.GetProperty("error").GetString()}");
                    case "Cancelled":
                        throw new RemoteException($"plan {planId}: the run was cancelled on the server.");
                    default:
                        await Task.Delay(Poll, ct);
                        break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run belongs to the plan, not to this connection: stop it, or it keeps a worker busy for nothing.
            await run.Cancel.PostAsync(cancellationToken: CancellationToken.None);
            throw;
        }
    }
}
