using System.CommandLine;
using Glidepath.Cli.Hosting;
using Glidepath.Domain.MarketData;
using Glidepath.Infrastructure.MarketData;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Glidepath.Cli.MarketData;

/// <summary>
/// <c>glidepath prices refresh [--provider NAME] [--symbol SYM]... [--from DATE] [--base-url URL] [--json]</c>:
/// fetches closes for the shared instruments (docs/market-data.md, "Refresh"). Prints a line per
/// symbol (added, unchanged or failed with the reason) and exits 1 when any symbol failed.
/// </summary>
public static class PricesCommand
{
    public static Command Create(CliEnvironment env)
    {
        var provider = new Option<string?>("--provider") { Description = $"Only the instruments this provider prices ({string.Join(", ", MarketDataProviders.PriceProviderNames)}); with --symbol, price them from it." };
        var symbols = new Option<string[]>("--symbol") { Description = "A shared instrument's symbol; repeat for several. Default: every instrument a provider prices.", AllowMultipleArgumentsPerToken = false };
        var from = CliOptions.Date("--from", "First day to fetch. Default: ten days before each instrument's last close, or ten years back");
        var baseUrl = new Option<string?>("--base-url") { Description = "Where the provider's API is (with --provider): a mirror, a proxy or a test server." };
        var json = CliOptions.Json();
        var refresh = new Command("refresh", "Fetch closes for the shared instruments from their market-data providers.") { provider, symbols, from, baseUrl, json };
        refresh.SetAction((parse, ct) => RunAsync(
            env, parse.GetValue(provider), parse.GetValue(symbols) ?? [], parse.GetValue(from), parse.GetValue(baseUrl), parse.GetValue(json), ct));
        var command = new Command("prices", "Market data: closes of the shared instruments.");
        command.Subcommands.Add(refresh);
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, string? provider, string[] symbols, DateOnly? from, string? baseUrl, bool json, CancellationToken ct)
    {
        if (MarketDataCli.CheckBaseUrl(provider, baseUrl) is { } usage)
        {
            return env.Fail(ExitCodes.Usage, usage);
        }

        await using var services = await MarketDataCli.OpenAsync(env, provider, baseUrl, ct);
        await using var scope = services.CreateAsyncScope();
        PriceRefreshReport report;
        try
        {
            report = await scope.ServiceProvider.GetRequiredService<PriceRefresh>().RefreshAsync(new PriceRefreshRequest(provider, symbols, from), ct);
        }
        catch (MarketDataException e)
        {
            return env.Fail(ExitCodes.Failure, e.Message);
        }

        if (json)
        {
            CliJson.Write(env.Out, report);
        }
        else
        {
            Print(env, report);
        }

        var failed = report.Symbols.Count(s => s.Outcome == RefreshOutcomes.Failed);
        return failed == 0 ? ExitCodes.Success : env.Fail(ExitCodes.Failure, $"{failed} of {report.Symbols.Count} symbol(s) failed.");
    }

    private static void Print(CliEnvironment env, PriceRefreshReport report)
    {
        if (report.Symbols.Count == 0)
        {
            env.Out.WriteLine("No shared instrument is priced by a provider; map one or set a default provider for its exchange (docs/market-data.md).");
            return;
        }

        var table = new Table().AddColumns("Symbol", "Provider", "Outcome", "Added", "Corrected", "Unchanged", "Reason");
        foreach (var s in report.Symbols)
        {
            table.AddRow(
                Markup.Escape(s.Symbol), Markup.Escape(s.Provider is null ? "" : $"{s.Provider} {s.ProviderSymbol}"), s.Outcome,
                s.Added.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Corrected.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Unchanged.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(s.Reason ?? ""));
        }

        env.Console.Write(table);
    }
}
