using System.CommandLine;
using System.Globalization;
using Glidepath.Cli.Hosting;
using Glidepath.Cli.Remote;
using Glidepath.Infrastructure.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Glidepath.Cli.Positions;

/// <summary><c>glidepath positions --household ID [--as-of DATE] [--json]</c></summary>
public static class PositionsCommand
{
    public static Command Create(CliEnvironment env, RemoteServer remote)
    {
        var household = CliOptions.Household();
        var asOf = CliOptions.Date("--as-of", "Positions at the close of this day (default: today)");
        var json = CliOptions.Json();
        var command = new Command("positions", "A household's holdings and cash, valued at the last close on or before the date.")
        {
            household, asOf, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (householdId, date) = (parse.GetValue(household), parse.GetValue(asOf) ?? env.Today);
            var output = remote.Address(parse) is { } server
                ? PositionsOutput.From(householdId, await remote.Connect(server).Api.V1.Households[householdId].Positions.GetAsync(r => r.QueryParameters.AsOf = date.ToWire(), ct))
                : await ReadAsync(env, householdId, date, ct);
            return output is null ? env.Fail(ExitCodes.Failure, $"household {householdId} does not exist.") : Write(env, output, parse.GetValue(json));
        });
        return command;
    }

    private static async Task<PositionsOutput?> ReadAsync(CliEnvironment env, Guid householdId, DateOnly asOf, CancellationToken ct)
    {
        await using var services = await CliDatabase.OpenAsync(env, ct);
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<HouseholdReports>().PositionsAsync(householdId, asOf, ct: ct);
        return report is null ? null : PositionsOutput.From(householdId, report);
    }

    private static int Write(CliEnvironment env, PositionsOutput output, bool json)
    {
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

    /// <summary>The API's answer (GetPositions) in the same shape, so both modes print the same.</summary>
    public static PositionsOutput? From(Guid householdId, Client.Generated.Models.PositionsDto? dto) => dto is null ? null : new(
        householdId,
        dto.AsOf.Need("asOf"),
        [.. dto.Positions.Need("positions").Select(p => new PositionOutput(p.AccountId.Need("accountId"), p.AccountName.Need("accountName"),
            p.InstrumentId.Need("instrumentId"), p.Symbol.Need("symbol"), p.Quantity.Need("quantity"), p.CostBasis.Need("costBasis"),
            p.Price, p.MarketValue, p.Currency.Need("currency")))],
        [.. dto.Cash.Need("cash").Select(c => new CashOutput(c.AccountId.Need("accountId"), c.AccountName.Need("accountName"), c.Amount.Need("amount"), c.Currency.Need("currency")))]);
}

public sealed record PositionOutput(
    Guid AccountId, string Account, Guid InstrumentId, string Symbol, decimal Quantity, decimal CostBasis, decimal? Price, decimal? MarketValue, string Currency);

public sealed record CashOutput(Guid AccountId, string Account, decimal Amount, string Currency);
