using System.CommandLine;
using System.Globalization;
using Glidepath.Cli.Hosting;
using Glidepath.Domain.Rebalancing;
using Spectre.Console;

namespace Glidepath.Cli.Trading;

/// <summary>
/// <c>glidepath rebalance (--household ID | --input SNAPSHOT.json) [--asset-location] [--json]</c>: a proposal;
/// nothing is traded or stored. <c>--asset-location</c> applies the household targets to the household's total
/// and places assets by account tax treatment (as the snapshot's <c>assetLocation</c>).
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
        var command = new Command("rebalance", "Propose the trades that bring every target inside its band, tax-aware (docs/rebalancing.md).") { json, assetLocation };
        source.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (snapshot, error) = await source.LoadAsync(env, parse, asOf: null, ct);
            if (snapshot is null)
            {
                return env.Fail(ExitCodes.Failure, error!);
            }

            if (parse.GetValue(assetLocation))
            {
                snapshot = snapshot with { AssetLocation = true };
            }

            var proposal = Rebalancer.Propose(snapshot);
            if (parse.GetValue(json))
            {
                CliJson.Write(env.Out, proposal);
            }
            else
            {
                Write(env.Console, snapshot, proposal);
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
