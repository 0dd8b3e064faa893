using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Glidepath.Application;
using Glidepath.Application.CorporateActions;
using Glidepath.Cli.Hosting;
using Glidepath.Cli.MarketData;
using Glidepath.Cli.Remote;
using Glidepath.Client.Generated;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Kiota.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Cli.CorporateActions;

/// <summary>
/// <c>glidepath corporate-actions --household ID [--confirm ID]... [--confirm-all] [--base-url URL] [--json]</c>: lists the
/// dividends and splits the market data publishes and the ledger lacks (docs/import.md); books only those confirmed.
/// With <c>--server</c>, ListCorporateActionProposals and ConfirmCorporateActions do it with the server's market data,
/// and the answers (the same records) print as the local ones.
/// </summary>
public static class CorporateActionsCommand
{
    public static Command Create(CliEnvironment env, RemoteServer remote)
    {
        var household = CliOptions.Household();
        var confirm = new Option<string[]>("--confirm") { Description = "Book this proposal (its id from the list); repeat for several.", AllowMultipleArgumentsPerToken = false };
        var confirmAll = new Option<bool>("--confirm-all") { Description = "Book every proposal listed." };
        var baseUrl = new Option<string?>("--base-url") { Description = "Where Yahoo's chart API is: a mirror, a proxy or a test server." };
        var json = CliOptions.Json();
        var command = new Command("corporate-actions", "Dividends and splits from market data that the ledger lacks; proposed, booked only when confirmed.")
        {
            household, confirm, confirmAll, baseUrl, json,
        };
        command.SetAction((parse, ct) =>
        {
            if (remote.Address(parse) is not { } server)
            {
                return RunAsync(env, parse.GetValue(household), parse.GetValue(confirm) ?? [], parse.GetValue(confirmAll), parse.GetValue(baseUrl), parse.GetValue(json), ct);
            }

            if (parse.GetValue(baseUrl) is not null)
            {
                throw RemoteCommands.NotRemote("--base-url", "the server uses its own market data");
            }

            return RunRemoteAsync(env, remote.Adapter(server), parse.GetValue(household), parse.GetValue(confirm) ?? [], parse.GetValue(confirmAll), parse.GetValue(json), ct);
        });
        return command;
    }

    private static async Task<int> RunRemoteAsync(
        CliEnvironment env, IRequestAdapter adapter, Guid householdId, string[] confirm, bool confirmAll, bool json, CancellationToken ct)
    {
        var actions = new GlidepathApiClient(adapter).Api.V1.Households[householdId].CorporateActions;
        if (confirm.Length == 0 && !confirmAll)
        {
            var scan = await adapter.SendForTextAsync(actions.Proposals.ToGetRequestInformation(), ct);
            return WriteScan(env, Read<CorporateActionScan>(scan), json);
        }

        var body = new Client.Generated.Models.ConfirmCorporateActionsRequest { Ids = [.. confirm], All = confirmAll };
        var done = await adapter.SendForTextAsync(actions.Confirm.ToPostRequestInformation(body), ct);
        return WriteConfirmed(env, Read<ConfirmCorporateActionsResult>(done), json);
    }

    private static T Read<T>(string answer) =>
        JsonSerializer.Deserialize<T>(answer, CliJson.Options) ?? throw new RemoteException("the server's answer is empty.");

    private static async Task<int> RunAsync(CliEnvironment env, Guid householdId, string[] confirm, bool confirmAll, string? baseUrl, bool json, CancellationToken ct)
    {
        if (MarketDataCli.CheckBaseUrl("yahoo", baseUrl) is { } usage)
        {
            return env.Fail(ExitCodes.Usage, usage);
        }

        await using var services = await MarketDataCli.OpenAsync(env, "yahoo", baseUrl, ct, s => s.AddCorporateActionProposals());
        await using var scope = services.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<GlidepathDbContext>().Households.AnyAsync(h => h.Id == householdId, ct))
        {
            return env.Fail(ExitCodes.Failure, $"household {householdId} does not exist.");
        }

        var proposals = scope.ServiceProvider.GetRequiredService<CorporateActionProposals>();
        if (confirm.Length == 0 && !confirmAll)
        {
            return WriteScan(env, await proposals.ProposeAsync(householdId, ct), json);
        }

        var result = await proposals.ConfirmAsync(householdId, new ConfirmCorporateActionsRequest(confirm, confirmAll), ct);
        if (!result.TryGet(out var done, out var problem))
        {
            return env.Fail(ExitCodes.Failure, problem.Message);
        }

        return WriteConfirmed(env, done, json);
    }

    private static int WriteScan(CliEnvironment env, CorporateActionScan scan, bool json)
    {
        if (json)
        {
            CliJson.Write(env.Out, scan);
            return ExitCodes.Success;
        }

        foreach (var p in scan.Proposals)
        {
            env.Out.WriteLine(Describe(p));
        }

        foreach (var line in scan.NotChecked)
        {
            env.Out.WriteLine($"not checked: {line}");
        }

        env.Out.WriteLine(scan.Proposals.Count == 0 ? "Nothing to propose." : $"{scan.Proposals.Count} proposal(s); book with --confirm ID or --confirm-all.");
        return ExitCodes.Success;
    }

    private static int WriteConfirmed(CliEnvironment env, ConfirmCorporateActionsResult done, bool json)
    {
        if (json)
        {
            CliJson.Write(env.Out, done);
        }
        else
        {
            foreach (var p in done.Confirmed)
            {
                env.Out.WriteLine("booked: " + Describe(p));
            }

            env.Out.WriteLine($"{done.Booked} booked, {done.AlreadyBooked} already booked.");
        }

        return ExitCodes.Success;
    }

    private static string Describe(CorporateActionProposal p) => p.Kind == "split"
        ? string.Create(CultureInfo.InvariantCulture, $"{p.Id}  {p.Date:yyyy-MM-dd}  {p.Symbol}  split {p.SplitNumerator:0.####}-for-{p.SplitDenominator:0.####} on {p.Quantity:0.####} held")
        : string.Create(CultureInfo.InvariantCulture, $"{p.Id}  {p.Date:yyyy-MM-dd}  {p.Symbol}  dividend {p.PerShare:0.######} x {p.Quantity:0.####} = {p.Amount:0.00} {p.Currency}{Withheld(p)}");

    private static string Withheld(CorporateActionProposal p) =>
        p.Withholding > 0m ? FormattableString.Invariant($", {p.Withholding:0.00} withheld, {p.Net:0.00} net") : "";
}
