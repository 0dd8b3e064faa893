using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Glidepath.Cli.Hosting;

namespace Glidepath.Cli.Remote;

/// <summary>
/// Which commands work with <c>--server</c> (or <c>GLIDEPATH_SERVER</c>). Every other command refuses it in one line
/// instead of quietly opening the local database: a user who named a server must never get local data, or change it.
/// Commands listed here refuse the options that have no server counterpart themselves (e.g. <c>rebalance --input</c>).
/// </summary>
internal static class RemoteCommands
{
    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "login", "logout", "positions", "networth", "gains", "harvest", "rebalance", "import transactions", "import prices", "import fx", "simulate", "solve",
        "corporate-actions", "budgets", "cash-flow",
    };

    /// <summary>Why the server has no counterpart, by the command's first word.</summary>
    private static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        ["optimize"] = "it computes on a local file",
        ["stats"] = "it computes on a local file",
        ["xirr"] = "it computes on a local file",
        ["anomalies"] = "it computes on a local file",
        ["keys"] = "it manages this machine's encryption keys",
        ["categorise"] = "the server's counterparts are POST /api/households/{id}/categoriser/train and GET …/categoriser",
    };

    /// <summary>The one-line refusal, or null when the command may run (local mode, or a command that works remotely).</summary>
    public static string? Refusal(ParseResult parse, RemoteServer remote)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(remote);
        var path = CommandPath(parse.CommandResult);
        if (path.Length == 0 || parse.Action is HelpAction || Supported.Contains(path) || remote.Address(parse) is null)
        {
            return null;
        }

        var why = Reasons.GetValueOrDefault(path.Split(' ')[0], "an operator command that works on the local database");
        return $"{path} is not available with --server ({why}); run it without --server and {RemoteServer.ServerVariable}.";
    }

    /// <summary>What an option of a command that works remotely cannot do there.</summary>
    public static RemoteException NotRemote(string what, string instead) =>
        new($"{what} is not available with --server; {instead}.", ExitCodes.Usage);

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (var r = result; r.Parent is CommandResult parent; r = parent)
        {
            names.Insert(0, r.Command.Name);
        }

        return string.Join(' ', names);
    }
}
