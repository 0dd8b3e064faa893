using System.CommandLine;
using Glidepath.Cli.Hosting;
using Glidepath.Cli.Remote;
using Glidepath.Client.Generated;
using Glidepath.Domain.Calendar;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Infrastructure.Import.Transactions;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions;
using Spectre.Console;

namespace Glidepath.Cli.Trading;

/// <summary><c>glidepath gains --household ID --year Y [--csv]</c>: a year's realised gains in taxable accounts in Form 8949's columns (code W, disallowed loss).</summary>
public static class GainsCommand
{
    public static Command Create(CliEnvironment env, RemoteServer remote)
    {
        var household = CliOptions.Household();
        var year = new Option<int>("--year") { Description = "Tax year (sale dates in it).", Required = true };
        year.Validators.Add(r =>
        {
            if (!ValidDates.ContainsYear(r.GetValue(year)))
            {
                r.AddError($"--year must be a year of dates {ValidDates.Description}.");
            }
        });
        var csv = new Option<bool>("--csv") { Description = "Write Form 8949 CSV to stdout instead of a table." };
        var command = new Command("gains", "A year's realised gains and losses with wash-sale adjustments (Form 8949 columns).") { household, year, csv };
        command.SetAction(async (parse, ct) =>
        {
            var (householdId, y) = (parse.GetValue(household), parse.GetValue(year));
            var text = remote.Address(parse) is { } server
                ? await RemoteCsvAsync(remote.Adapter(server), householdId, y, ct)
                : await LocalCsvAsync(env, householdId, y, ct);
            if (text is null)
            {
                return env.Fail(ExitCodes.Failure, $"household {householdId} does not exist.");
            }

            if (parse.GetValue(csv))
            {
                env.Out.Write(text);
                return ExitCodes.Success;
            }

            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var table = new Table().Title($"Realised gains {y} (taxable accounts, Form 8949)");
            table.AddColumns(lines[0].Split(','));
            foreach (var line in lines.Skip(1))
            {
                table.AddRow([.. SplitCsv(line).Select(Markup.Escape)]);
            }

            env.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The export from the database; null for an unknown household.</summary>
    private static async Task<string?> LocalCsvAsync(CliEnvironment env, Guid householdId, int y, CancellationToken ct)
    {
        await using var services = await CliDatabase.OpenAsync(env, ct);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
        if (!await db.Households.AnyAsync(h => h.Id == householdId, ct))
        {
            return null;
        }

        var gains = await scope.ServiceProvider.GetRequiredService<LedgerStore>()
            .GetRealisedGainsAsync(householdId, new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), ct);
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId).ToListAsync(ct);
        var ids = gains.Select(g => g.InstrumentId).Distinct().ToList();
        var instruments = await db.Instruments.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        return Form8949Export.ToCsv(gains, y, accounts, instruments, await UnknownBasisLots.OfHouseholdAsync(db, householdId, ct));
    }

    /// <summary>The server's own export: GetRealizedGains with <c>Accept: text/csv</c> (the same Form8949Export).</summary>
    private static Task<string> RemoteCsvAsync(IRequestAdapter adapter, Guid householdId, int y, CancellationToken ct)
    {
        var request = new GlidepathApiClient(adapter).Api.V1.Households[householdId].RealizedGains
            .ToGetRequestInformation(r => r.QueryParameters.Year = y)
            .WithHeader("Accept", "text/csv");
        return adapter.SendForTextAsync(request, ct);
    }

    /// <summary>Splits one row of the export (fields quoted only when they hold a comma or quote).</summary>
    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
