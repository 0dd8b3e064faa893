using System.Text.Json;
using Glidepath.Cli.Remote;
using Glidepath.Client.Generated;
using Glidepath.Domain.Planning;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Api = Glidepath.Client.Generated.Models;

namespace Glidepath.Cli.Planning;

/// <summary>
/// <c>simulate</c> and <c>solve --household ID --plan ID</c> with <c>--server</c>: RunSimulation or SolvePlan queues a
/// run of the stored plan (the server's runs are how it simulates and solves; the run stays in the plan's history as
/// one started from the web would), then GetSimulationRun is polled until the run ends. Its <c>result</c> is what the
/// local command prints (the <see cref="SimulationReport"/> or the <see cref="SolveResult"/>), printed by the same code.
/// Cancelling the command (Ctrl+C) cancels the run.
/// </summary>
internal static class RemoteSimulation
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public static async Task<SimulationReport.SimulationOutput> RunAsync(
        IRequestAdapter adapter, Guid householdId, Guid planId, int? paths, ulong? seed, CancellationToken ct)
    {
        var plan = new GlidepathApiClient(adapter).Api.V1.Households[householdId].Plans[planId];
        var body = new Api.SimulateRequest { Paths = paths, Seed = seed is { } s ? new UntypedDecimal(s) : null };
        var queued = await plan.Simulations.PostAsync(body, cancellationToken: ct) ?? throw new RemoteException("the server's answer has no run.");
        var result = await ResultAsync(adapter, plan, planId, queued, ct);
        return result.Deserialize<SimulationReport.SimulationOutput>(SimulationReport.Json) ?? throw new RemoteException("the server's run has no result.");
    }

    public static async Task<SolveResult> SolveAsync(
        IRequestAdapter adapter, Guid householdId, Guid planId, string lever, double? target, int? paths, CancellationToken ct)
    {
        var plan = new GlidepathApiClient(adapter).Api.V1.Households[householdId].Plans[planId];
        var body = new Api.SolveRequest { For = lever, Target = target, Paths = paths };
        var queued = await plan.Solve.PostAsync(body, cancellationToken: ct) ?? throw new RemoteException("the server's answer has no run.");
        var result = await ResultAsync(adapter, plan, planId, queued, ct);
        return result.Deserialize<SolveResult>(SimulationReport.Json) ?? throw new RemoteException("the server's run has no result.");
    }

    /// <summary>Polls the queued run until it ends: its result, or the run's failure as one line.</summary>
    private static async Task<JsonElement> ResultAsync(
        IRequestAdapter adapter, Client.Generated.Api.V1.Households.Item.Plans.Item.WithPlanItemRequestBuilder plan, Guid planId, Api.SimulationRunDto queued, CancellationToken ct)
    {
        var run = plan.Simulations[queued.Id.Need("id")];
        try
        {
            while (true)
            {
                using var answer = JsonDocument.Parse(await adapter.SendForTextAsync(run.ToGetRequestInformation(), ct));
                var root = answer.RootElement;
                switch (root.GetProperty("status").GetString())
                {
                    case "Succeeded":
                        return root.GetProperty("result").Clone();
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
