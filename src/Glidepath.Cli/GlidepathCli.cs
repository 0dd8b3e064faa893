using System.CommandLine;
using Glidepath.Cli.Analytics;
using Glidepath.Cli.Anomalies;
using Glidepath.Cli.Categories;
using Glidepath.Cli.Backups;
using Glidepath.Cli.Budgets;
using Glidepath.Cli.CorporateActions;
using Glidepath.Cli.Hosting;
using Glidepath.Infrastructure.Encryption;
using Glidepath.Cli.Imports;
using Glidepath.Cli.Keys;
using Glidepath.Cli.MarketData;
using Glidepath.Cli.NetWorth;
using Glidepath.Cli.Notifications;
using Glidepath.Cli.Orders;
using Glidepath.Cli.Planning;
using Glidepath.Cli.Positions;
using Glidepath.Cli.ReadModel;
using Glidepath.Cli.Remote;
using Glidepath.Client;
using Microsoft.Kiota.Abstractions;
using Glidepath.Cli.Trading;
using Glidepath.Cli.Users;

namespace Glidepath.Cli;

/// <summary>The <c>glidepath</c> command tree and how its outcomes become exit codes.</summary>
public static class GlidepathCli
{
    public static RootCommand CreateRootCommand(CliEnvironment env) => CreateRootCommand(env, new RemoteServer(env));

    private static RootCommand CreateRootCommand(CliEnvironment env, RemoteServer remote)
    {
        var root = new RootCommand("Glidepath: a household's ledger, plans and portfolios from the command line.");
        root.Options.Add(remote.Option);
        root.Subcommands.Add(LoginCommand.Create(env, remote));
        root.Subcommands.Add(LoginCommand.CreateLogout(env, remote));
        root.Subcommands.Add(ImportCommand.Create(env, remote));
        root.Subcommands.Add(CorporateActionsCommand.Create(env, remote));
        root.Subcommands.Add(PositionsCommand.Create(env, remote));
        root.Subcommands.Add(NetWorthCommand.Create(env, remote));
        root.Subcommands.Add(BudgetCommands.CreateBudgets(env, remote));
        root.Subcommands.Add(BudgetCommands.CreateCashFlow(env, remote));
        root.Subcommands.Add(SimulateCommand.Create(env, remote));
        root.Subcommands.Add(SolveCommand.Create(env, remote));
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(OptimizeCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(XirrCommand.Create());
        root.Subcommands.Add(AnomaliesCommand.Create(env));
        root.Subcommands.Add(CategoriseCommand.Create(env));
        root.Subcommands.Add(KeysCommand.Create(env));
        root.Subcommands.Add(RebalanceCommand.Create(env, remote));
        root.Subcommands.Add(HarvestCommand.Create(env, remote));
        root.Subcommands.Add(GainsCommand.Create(env, remote));
        root.Subcommands.Add(UsersCommand.Create(env));
        root.Subcommands.Add(RebuildCommand.Create(env));
        root.Subcommands.Add(PricesCommand.Create(env));
        root.Subcommands.Add(FxCommand.Create(env));
        root.Subcommands.Add(MacroCommand.Create(env));
        root.Subcommands.Add(OrdersCommand.Create(env));
        root.Subcommands.Add(NotificationsCommand.Create(env));
        root.Subcommands.Add(BackupCommand.Create(env));
        return root;
    }

    /// <summary>
    /// Parses and runs. Usage errors print one line and exit 2; a command's expected failure
    /// (bad file, unknown household, a remote server's problem answer, an unreachable server) prints one
    /// line and exits 1; a bug prints one line and exits 1 too.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(env);
        var remote = new RemoteServer(env);
        var parsed = CreateRootCommand(env, remote).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            return env.Fail(ExitCodes.Usage, $"{parsed.Errors[0].Message} (see glidepath --help)");
        }

        try
        {
            if (RemoteCommands.Refusal(parsed, remote) is { } refusal)
            {
                return env.Fail(ExitCodes.Usage, refusal);
            }

            return await parsed.InvokeAsync(
                new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false },
                cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return env.Fail(ExitCodes.Failure, "cancelled.");
        }
        catch (RemoteException exception)
        {
            return env.Fail(exception.ExitCode, exception.Message);
        }
        catch (ApiException exception)
        {
            return env.Fail(ExitCodes.Failure, ProblemText.Describe(exception));
        }
        catch (HttpRequestException exception)
        {
            return env.Fail(ExitCodes.Failure, $"the server could not be reached: {exception.GetBaseException().Message}");
        }
        catch (FieldEncryptionConfigurationException exception)
        {
            return env.Fail(ExitCodes.Failure, exception.Message);
        }
        catch (Exception exception) when (Unreadable(exception) is { } unreadable)
        {
            return env.Fail(ExitCodes.Failure, unreadable.Message);
        }
#pragma warning disable CA1031 // The one catch-all: a bug still ends as one line and a non-zero exit, never a stack trace.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return env.Fail(ExitCodes.Failure, $"unexpected error: {exception.GetBaseException().Message}");
        }
    }

    /// <summary>EF wraps a converter's exception; the decryption failure inside says what is wrong.</summary>
    private static FieldDecryptionException? Unreadable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is FieldDecryptionException unreadable)
            {
                return unreadable;
            }
        }

        return null;
    }
}
