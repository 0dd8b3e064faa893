using System.CommandLine;
using System.Globalization;
using Glidepath.Cli.Hosting;
using Glidepath.Cli.Remote;
using Glidepath.Client.Generated;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Valuation;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Glidepath.Cli.NetWorth;

/// <summary><c>glidepath networth --household ID --from D --to D [--currency C] [--json]</c></summary>
public static class NetWorthCommand
{
    public static Command Create(CliEnvironment env, RemoteServer remote)
    {
        var household = CliOptions.Household();
        var from = CliOptions.Date("--from", "First day of the series", required: true);
        var to = CliOptions.Date("--to", "Last day of the series", required: true);
        var currency = CliOptions.Currency();
        var json = CliOptions.Json();
        var command = new Command("networth", "A household's net worth at the close of every day of a range.")
        {
            household, from, to, currency, json,
        };
        command.SetAction((parse, ct) => remote.Address(parse) is { } server
            ? RunRemoteAsync(env, remote.Connect(server), parse.GetValue(household), parse.GetValue(from)!.Value, parse.GetValue(to)!.Value, parse.GetValue(currency), parse.GetValue(json), ct)
            : RunAsync(env, parse.GetValue(household), parse.GetValue(from)!.Value, parse.GetValue(to)!.Value, parse.GetValue(currency), parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, Guid householdId, DateOnly from, DateOnly to, string? currencyCode, bool json, CancellationToken ct)
    {
        if (to < from)
        {
            return env.Fail(ExitCodes.Failure, $"--to {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}.");
        }

        var asked = Currency.Usd;
        if (currencyCode is not null && !Currency.TryParse(currencyCode, out asked))
        {
            return env.Fail(ExitCodes.Failure, $"'{currencyCode}' is not a supported ISO-4217 currency code.");
        }

        await using var services = await CliDatabase.OpenAsync(env, ct);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null)
        {
            return env.Fail(ExitCodes.Failure, $"household {householdId} does not exist.");
        }

        var reporting = currencyCode is null ? household.ReportingCurrency : asked;
        var series = await scope.ServiceProvider.GetRequiredService<HouseholdReports>().NetWorthAsync(householdId, from, to, reporting, ct);
        if (series is null || !series.TryGet(out var value, out _))
        {
            return env.Fail(ExitCodes.Failure, series?.Problem?.Message ?? "the net worth could not be computed.");
        }

        var output = NetWorthOutput.Create(householdId, from, to, value);
        if (json)
        {
            CliJson.Write(env.Out, output);
        }
        else
        {
            WriteTable(env.Console, output);
        }

        return ExitCodes.Success;
    }

    /// <summary>GetNetWorth through the generated client; the same rounding and output as the local read.</summary>
    private static async Task<int> RunRemoteAsync(
        CliEnvironment env, GlidepathApiClient client, Guid householdId, DateOnly from, DateOnly to, string? currencyCode, bool json, CancellationToken ct)
    {
        if (to < from)
        {
            return env.Fail(ExitCodes.Failure, $"--to {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}.");
        }

        var dto = await client.Api.V1.Households[householdId].NetWorth.GetAsync(
            r => (r.QueryParameters.From, r.QueryParameters.To, r.QueryParameters.Currency) = (from.ToWire(), to.ToWire(), currencyCode), ct);
        var code = dto?.Currency.Need("currency") ?? throw new RemoteException("the server's answer has no body.");
        if (!Currency.TryParse(code, out var reporting))
        {
            return env.Fail(ExitCodes.Failure, $"the server answered in '{code}', which is not a supported currency.");
        }

        var points = dto.Points.Need("points").Select(p => new NetWorthPoint(p.Date.Need("date"), p.Value.Need("value"))).ToList();
        var output = NetWorthOutput.Create(householdId, from, to, new NetWorthSeries(reporting, points));
        if (json)
        {
            CliJson.Write(env.Out, output);
        }
        else
        {
            WriteTable(env.Console, output);
        }

        return ExitCodes.Success;
    }

    /// <summary>A table of month ends (and the last day): a daily table would scroll for pages; --json has every day.</summary>
    private static void WriteTable(IAnsiConsole console, NetWorthOutput output)
    {
        var table = new Table().Title($"Net worth in {output.Currency}, {output.From:yyyy-MM-dd} to {output.To:yyyy-MM-dd}");
        table.AddColumns("Date", "Net worth");
        var points = output.Points;
        for (var i = 0; i < points.Count; i++)
        {
            var monthEnd = i == points.Count - 1 || points[i + 1].Date.Month != points[i].Date.Month;
            if (monthEnd)
            {
                table.AddRow(points[i].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), points[i].Value.ToString("#,##0.00", CultureInfo.InvariantCulture));
            }
        }

        console.Write(table);
    }
}

/// <summary>The JSON shape of <c>networth --json</c>: values rounded to the currency's minor units.</summary>
public sealed record NetWorthOutput(Guid HouseholdId, string Currency, DateOnly From, DateOnly To, decimal Start, decimal End, IReadOnlyList<NetWorthPoint> Points)
{
    public static NetWorthOutput Create(Guid householdId, DateOnly from, DateOnly to, NetWorthSeries series)
    {
        var points = series.Points.Select(p => p with { Value = Math.Round(p.Value, series.Currency.MinorUnits, Money.BookingRounding) }).ToList();
        return new NetWorthOutput(householdId, series.Currency.Code, from, to, points[0].Value, points[^1].Value, points);
    }
}
