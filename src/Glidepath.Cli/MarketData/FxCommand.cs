using System.CommandLine;
using Glidepath.Cli.Hosting;
using Glidepath.Domain.MarketData;
using Glidepath.Infrastructure.MarketData;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Cli.MarketData;

/// <summary><c>glidepath fx refresh --provider ecb [--from DATE] [--base-url URL] [--json]</c>: the shared FX reference rates (docs/market-data.md, "FX").</summary>
public static class FxCommand
{
    public static Command Create(CliEnvironment env)
    {
        var provider = new Option<string>("--provider") { Description = $"Where the rates come from ({string.Join(", ", MarketDataProviders.FxProviderNames)}).", DefaultValueFactory = _ => EcbFxProvider.ProviderName };
        var from = CliOptions.Date("--from", "First day to fetch. Default: ten days before the last stored rate, or ten years back");
        var baseUrl = new Option<string?>("--base-url") { Description = "Where the provider's API is: a mirror, a proxy or a test server." };
        var json = CliOptions.Json();
        var refresh = new Command("refresh", "Fetch FX reference rates into the shared rate table.") { provider, from, baseUrl, json };
        refresh.SetAction((parse, ct) => RunAsync(env, parse.GetRequiredValue(provider), parse.GetValue(from), parse.GetValue(baseUrl), parse.GetValue(json), ct));
        var command = new Command("fx", "Market data: FX reference rates.");
        command.Subcommands.Add(refresh);
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, string provider, DateOnly? from, string? baseUrl, bool json, CancellationToken ct)
    {
        if (MarketDataCli.CheckBaseUrl(provider, baseUrl) is { } usage)
        {
            return env.Fail(ExitCodes.Usage, usage);
        }

        await using var services = await MarketDataCli.OpenAsync(env, provider, baseUrl, ct);
        await using var scope = services.CreateAsyncScope();
        FxRefreshReport report;
        try
        {
            report = await scope.ServiceProvider.GetRequiredService<FxRefresh>().RefreshAsync(provider, from, ct);
        }
        catch (MarketDataException e)
        {
            return env.Fail(ExitCodes.Failure, e.Message); // an unknown provider
        }

        if (json)
        {
            CliJson.Write(env.Out, report);
        }
        else if (report.Reason is null)
        {
            env.Out.WriteLine(report.FirstDay is null
                ? $"{report.Provider}: no rates from {report.From:yyyy-MM-dd} on."
                : $"{report.Provider}: {report.FirstDay:yyyy-MM-dd} to {report.LastDay:yyyy-MM-dd}, {report.Added} rate(s) added or corrected ({report.Crosses} USD cross rates among the rates), {report.Unchanged} unchanged.");
        }

        return report.Reason is { } reason ? env.Fail(ExitCodes.Failure, reason) : ExitCodes.Success;
    }
}
