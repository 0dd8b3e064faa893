using System.CommandLine;
using System.Globalization;
using Glidepath.Cli.Hosting;
using Glidepath.Infrastructure.MarketData;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Glidepath.Cli.MarketData;

/// <summary><c>glidepath macro refresh [--series ID]... [--base-url URL] [--json]</c>: FRED's economic series (docs/market-data.md, "Economic series").</summary>
public static class MacroCommand
{
    public static Command Create(CliEnvironment env)
    {
        var series = new Option<string[]>("--series") { Description = "A FRED series id; repeat for several. Default: CPIAUCSL and DGS3MO.", AllowMultipleArgumentsPerToken = false };
        var baseUrl = new Option<string?>("--base-url") { Description = "Where FRED's API is: a mirror, a proxy or a test server." };
        var json = CliOptions.Json();
        var refresh = new Command("refresh", "Fetch economic series (inflation, the risk-free rate) from FRED.") { series, baseUrl, json };
        refresh.SetAction((parse, ct) => RunAsync(env, parse.GetValue(series) ?? [], parse.GetValue(baseUrl), parse.GetValue(json), ct));
        var command = new Command("macro", "Market data: economic series.");
        command.Subcommands.Add(refresh);
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, string[] series, string? baseUrl, bool json, CancellationToken ct)
    {
        if (MarketDataCli.CheckBaseUrl(FredSeriesProvider.ProviderName, baseUrl) is { } usage)
        {
            return env.Fail(ExitCodes.Usage, usage);
        }

        await using var services = await MarketDataCli.OpenAsync(env, FredSeriesProvider.ProviderName, baseUrl, ct);
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<MacroRefresh>().RefreshAsync(series, ct);
        if (json)
        {
            CliJson.Write(env.Out, report);
        }
        else
        {
            var table = new Table().AddColumns("Series", "Outcome", "Added", "Corrected", "Unchanged", "From", "To", "Reason");
            foreach (var s in report.Series)
            {
                table.AddRow(
                    Markup.Escape(s.SeriesId), s.Outcome, s.Added.ToString(CultureInfo.InvariantCulture), s.Corrected.ToString(CultureInfo.InvariantCulture),
                    s.Unchanged.ToString(CultureInfo.InvariantCulture), s.FirstDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                    s.LastDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", Markup.Escape(s.Reason ?? ""));
            }

            env.Console.Write(table);
        }

        var failed = report.Series.Count(s => s.Outcome == RefreshOutcomes.Failed);
        return failed == 0 ? ExitCodes.Success : env.Fail(ExitCodes.Failure, $"{failed} of {report.Series.Count} series failed.");
    }
}
