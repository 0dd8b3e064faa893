using System.CommandLine;
using System.Globalization;
using Glidepath.Application.Rebalancing;
using Glidepath.Cli.Hosting;
using Glidepath.Cli.Remote;
using Glidepath.Client.Generated;
using Glidepath.Domain.Rebalancing;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Glidepath.Cli.Trading;

/// <summary>
/// <c>glidepath rebalance (--household ID | --input SNAPSHOT.json) [--force] [--asset-location] [--json]</c>: a proposal
/// (<see cref="RebalanceProposals"/>, as the server's preview; orders accepted and not yet executed count as done);
/// nothing is traded or stored. <c>--force</c> trades every target back to its weight, ignoring the bands;
/// <c>--asset-location</c> applies the household targets to the household's total and places assets by account tax
/// treatment (as the snapshot's <c>assetLocation</c>).
/// </summary>
public static class RebalanceCommand
{
    public static Command Create(CliEnvironment env, RemoteServer remote)
    {
        var source = new SnapshotSource();
        var json = CliOptions.Json();
        var assetLocation = new Option<bool>("--asset-location")
        {
            Description = "Household targets on the household's total; bonds in tax-deferred, growth equity in Roth/HSA, tax-efficient equity in taxable accounts.",
        };
        var force = new Option<bool>("--force") { Description = "Trade every target back to its weight, ignoring the bands." };
        var command = new Command("rebalance", "Propose the trades that bring every target inside its band, tax-aware (docs/rebalancing.md).") { json, force, assetLocation };
        source.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var options = new ProposalOptions(parse.GetValue(force), parse.GetValue(assetLocation));
            if (remote.Address(parse) is { } server)
            {
                return await RunRemoteAsync(env, remote.Connect(server), source.RemoteHousehold(parse, "use --household ID"), options, parse.GetValue(json), ct);
            }

            var proposed = await source.RunAsync(
                env,
                parse,
                asOf: null,
                snapshot => RebalanceProposals.Propose(snapshot, options),
                (services, household, asOf) => services.GetRequiredService<RebalanceProposals>().PreviewAsync(household, null, asOf, options, ct),
                ct);
            if (!proposed.TryGet(out var done, out var problem))
            {
                return env.Fail(ExitCodes.Failure, problem.Message);
            }

            var snapshot = done.Snapshot;
            return Write(env, snapshot.AsOf, done.Proposal, snapshot.Accounts.ToDictionary(a => a.Id, a => a.Name), snapshot.Instruments.ToDictionary(i => i.Id, i => i.Symbol), parse.GetValue(json));
        });
        return command;
    }

    /// <summary>
    /// PreviewRebalance: the server's proposal as of the CLI's today, computed and not stored (the stored POST …/rebalance
    /// would leave a proposal and a webhook event behind; the local command leaves nothing).
    /// </summary>
    private static async Task<int> RunRemoteAsync(CliEnvironment env, GlidepathApiClient client, Guid household, ProposalOptions options, bool json, CancellationToken ct)
    {
        var request = new Client.Generated.Models.RebalanceRequest { Force = options.Force, AssetLocation = options.AssetLocation, AsOf = env.Today.ToWire() };
        var preview = await client.Api.V1.Households[household].Rebalance.Preview.PostAsync(request, cancellationToken: ct)
            ?? throw new RemoteException("the server's answer has no body.");
        var accounts = preview.Accounts.Need("accounts").ToDictionary(a => a.Id.Need("accounts.id"), a => a.Name.Need("accounts.name"));
        var symbols = preview.Instruments.Need("instruments").ToDictionary(i => i.Id.Need("instruments.id"), i => i.Symbol.Need("instruments.symbol"));
        return Write(env, preview.AsOf.Need("asOf"), RemoteRebalance.From(preview.Proposal), accounts, symbols, json);
    }

    private static int Write(
        CliEnvironment env, DateOnly asOf, RebalanceProposal proposal, IReadOnlyDictionary<Guid, string> accounts, IReadOnlyDictionary<Guid, string> symbols, bool json)
    {
        if (json)
        {
            CliJson.Write(env.Out, proposal);
        }
        else
        {
            Write(env.Console, asOf, proposal, accounts, symbols);
        }

        return ExitCodes.Success;
    }

    private static void Write(IAnsiConsole console, DateOnly asOf, RebalanceProposal proposal, IReadOnlyDictionary<Guid, string> accounts, IReadOnlyDictionary<Guid, string> symbols)
    {
        var trades = new Table().Title($"Rebalance as of {asOf:yyyy-MM-dd}");
        trades.AddColumns("Account", "Side", "Symbol", "Quantity", "Price", "Short-term gain", "Long-term gain", "Why");
        foreach (var t in proposal.Trades)
        {
            trades.AddRow(Markup.Escape(accounts[t.AccountId]), t.Side.ToString(), Markup.Escape(symbols[t.InstrumentId]), N(t.Quantity, "0.######"),
                N(t.Price), N(t.ShortTermGain), N(t.LongTermGain), Markup.Escape(t.Reason));
        }

        console.Write(trades);
        foreach (var d in proposal.Drifts.Where(d => !d.InBandAfter))
        {
            console.WriteLine($"outside band after: {accounts.GetValueOrDefault(d.AccountId, "household")}: {d.Reason}");
        }

        foreach (var warning in proposal.Warnings ?? [])
        {
            console.WriteLine($"warning: {warning}");
        }

        console.WriteLine($"Estimated tax {N(proposal.EstimatedTax)}, costs {N(proposal.EstimatedCosts)}");
    }

    internal static string N(decimal value, string format = "#,##0.00") => value.ToString(format, CultureInfo.InvariantCulture);
}
