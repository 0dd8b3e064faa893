using System.CommandLine;
using System.Globalization;
using Glidepath.Application.Rebalancing;
using Glidepath.Cli.Hosting;
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
    public static Command Create(CliEnvironment env)
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

            if (parse.GetValue(json))
            {
                CliJson.Write(env.Out, done.Proposal);
            }
            else
            {
                Write(env.Console, done.Snapshot, done.Proposal);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, PortfolioSnapshot snapshot, RebalanceProposal proposal)
    {
        var accounts = snapshot.Accounts.ToDictionary(a => a.Id, a => a.Name);
        var symbols = snapshot.Instruments.ToDictionary(i => i.Id, i => i.Symbol);
        var trades = new Table().Title($"Rebalance as of {snapshot.AsOf:yyyy-MM-dd}");
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
