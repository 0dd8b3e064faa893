using System.CommandLine;
using Glidepath.Application.TaxLossHarvesting;
using Glidepath.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Glidepath.Cli.Trading;

/// <summary><c>glidepath harvest (--household ID | --input SNAPSHOT.json) [--as-of DATE] [--json]</c>: tax-loss harvesting opportunities.</summary>
public static class HarvestCommand
{
    public static Command Create(CliEnvironment env)
    {
        var source = new SnapshotSource();
        var asOf = CliOptions.Date("--as-of", "Scan as of this day (default: today from the database, the file's asOf for --input)");
        var json = CliOptions.Json();
        var command = new Command("harvest", "Find unrealised losses worth harvesting and the blocked ones (docs/rebalancing.md).") { asOf, json };
        source.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var harvested = await source.RunAsync(
                env,
                parse,
                parse.GetValue(asOf),
                HarvestScans.Scan,
                (services, household, date) => services.GetRequiredService<HarvestScans>().ScanAsync(household, date, ct),
                ct);
            if (!harvested.TryGet(out var done, out var problem))
            {
                return env.Fail(ExitCodes.Failure, problem.Message);
            }

            var (snapshot, scan) = (done.Snapshot, done.Scan);
            if (parse.GetValue(json))
            {
                CliJson.Write(env.Out, scan);
                return ExitCodes.Success;
            }

            var symbols = snapshot.Instruments.ToDictionary(i => i.Id, i => i.Symbol);
            var table = new Table().Title($"Harvest as of {snapshot.AsOf:yyyy-MM-dd}");
            table.AddColumns("Symbol", "Quantity", "Loss", "Replacement", "Saving", "Why");
            foreach (var o in scan.Opportunities)
            {
                table.AddRow(Markup.Escape(symbols[o.InstrumentId]), RebalanceCommand.N(o.Quantity, "0.######"), RebalanceCommand.N(o.Loss),
                    o.ReplacementId is { } r ? Markup.Escape(symbols[r]) : "-", RebalanceCommand.N(o.EstimatedSaving), Markup.Escape(o.Reason));
            }

            env.Console.Write(table);
            foreach (var b in scan.Blocked)
            {
                env.Console.WriteLine($"blocked: {symbols[b.InstrumentId]}: {b.Reason}");
            }

            foreach (var s in scan.SwapBacks)
            {
                env.Console.WriteLine($"swap back: {s.Reason}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
