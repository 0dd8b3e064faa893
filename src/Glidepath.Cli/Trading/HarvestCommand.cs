using System.CommandLine;
using Glidepath.Application.TaxLossHarvesting;
using Glidepath.Cli.Hosting;
using Glidepath.Cli.Remote;
using Glidepath.Client.Generated;
using Glidepath.Domain.TaxLossHarvesting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Glidepath.Cli.Trading;

/// <summary><c>glidepath harvest (--household ID | --input SNAPSHOT.json) [--as-of DATE] [--json]</c>: tax-loss harvesting opportunities.</summary>
public static class HarvestCommand
{
    public static Command Create(CliEnvironment env, RemoteServer remote)
    {
        var source = new SnapshotSource();
        var asOf = CliOptions.Date("--as-of", "Scan as of this day (default: today from the database, the file's asOf for --input)");
        var json = CliOptions.Json();
        var command = new Command("harvest", "Find unrealised losses worth harvesting and the blocked ones (docs/rebalancing.md).") { asOf, json };
        source.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (remote.Address(parse) is { } server)
            {
                var household = source.RemoteHousehold(parse, "use --household ID");
                var date = parse.GetValue(asOf) ?? env.Today;
                var client = remote.Connect(server);
                var scan = RemoteHarvest.From(await client.Api.V1.Households[household].TaxLossOpportunities.GetAsync(r => r.QueryParameters.AsOf = date.ToWire(), ct));
                var ids = scan.Opportunities.SelectMany(o => new[] { (Guid?)o.InstrumentId, o.ReplacementId }).Concat(scan.Blocked.Select(b => (Guid?)b.InstrumentId));
                return Write(env, date, scan, await RemoteNames.SymbolsAsync(client, ids.OfType<Guid>(), ct), parse.GetValue(json));
            }

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

            return Write(env, done.Snapshot.AsOf, done.Scan, done.Snapshot.Instruments.ToDictionary(i => i.Id, i => i.Symbol), parse.GetValue(json));
        });
        return command;
    }

    private static int Write(CliEnvironment env, DateOnly asOf, HarvestScan scan, IReadOnlyDictionary<Guid, string> symbols, bool json)
    {
        if (json)
        {
            CliJson.Write(env.Out, scan);
            return ExitCodes.Success;
        }

        var table = new Table().Title($"Harvest as of {asOf:yyyy-MM-dd}");
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
    }
}
