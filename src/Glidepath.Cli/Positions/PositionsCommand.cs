using System.CommandLine;
using System.Globalization;
using Glidepath.Cli.Hosting;
using Glidepath.Infrastructure.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Glidepath.Cli.Positions;

/// <summary><c>glidepath positions --household ID [--as-of DATE] [--json]</c></summary>
public static class PositionsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var household = CliOptions.Household();
        var asOf = CliOptions.Date("--as-of", "Positions at the close of this day (default: today)");
        var json = CliOptions.Json();
        var command = new Command("positions", "A household's holdings and cash, valued at the last close on or before the date.")
        {
            household, asOf, json,
        };
        command.SetAction((parse, ct) => RunAsync(env, parse.GetValue(household), parse.GetValue(asOf) ?? env.Today, parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, Guid householdId, DateOnly asOf, bool json, CancellationToken ct)
    {
        await using var services = await CliDatabase.OpenAsync(env, ct);
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<HouseholdReports>().PositionsAsync(householdId, asOf, ct: ct);
        if (report is null)
        {
            return env.Fail(ExitCodes.Failure, $"household {householdId} does not exist.");
        }

        var output = PositionsOutput.From(householdId, report);
        if (json)
        {
            CliJson.Write(env.Out, output);
        }
        else
        {
            WriteTables(env.Console, output);
        }

        return ExitCodes.Success;
    }

    private static void WriteTables(IAnsiConsole console, PositionsOutput output)
    {
        var positions = new Table().Title($"Positions as of {output.AsOf:yyyy-MM-dd}");
        positions.AddColumns("Account", "Symbol", "Quantity", "Cost basis", "Price", "Market value", "Currency");
        foreach (var p in output.Positions)
        {
            positions.AddRow(Markup.Escape(p.Account), Markup.Escape(p.Symbol), Number(p.Quantity, "0.####"), Number(p.CostBasis),
                Number(p.Price), Number(p.MarketValue), p.Currency);
        }

        console.Write(positions);
        var cash = new Table().Title("Cash");
        cash.AddColumns("Account", "Amount", "Currency");
        foreach (var c in output.Cash)
        {
            cash.AddRow(Markup.Escape(c.Account), Number(c.Amount), c.Currency);
        }

        console.Write(cash);
    }

    private static string Number(decimal? value, string format = "#,##0.00") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}

/// <summary>The JSON shape of <c>positions --json</c>.</summary>
public sealed record PositionsOutput(Guid HouseholdId, DateOnly AsOf, IReadOnlyList<PositionOutput> Positions, IReadOnlyList<CashOutput> Cash)
{
    public static PositionsOutput From(Guid householdId, PositionsReport report) => new(
        householdId,
        report.AsOf,
        [.. report.Positions.Select(p => new PositionOutput(p.Account.Id, p.Account.Name, p.Instrument.Id, p.Instrument.Symbol,
            p.Quantity, p.CostBasis, p.Price, p.MarketValue, p.Account.BaseCurrency.Code))],
        [.. report.Cash.Select(c => new CashOutput(c.Account.Id, c.Account.Name, c.Amount, c.Account.BaseCurrency.Code))]);
}

public sealed record PositionOutput(
    Guid AccountId, string Account, Guid InstrumentId, string Symbol, decimal Quantity, decimal CostBasis, decimal? Price, decimal? MarketValue, string Currency);

public sealed record CashOutput(Guid AccountId, string Account, decimal Amount, string Currency);
