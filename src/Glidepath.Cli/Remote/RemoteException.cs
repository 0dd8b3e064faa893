using Glidepath.Cli.Hosting;

namespace Glidepath.Cli.Remote;

/// <summary>
/// Remote mode cannot start (no token, bad server address) or cannot do what was asked: its message is the one line
/// the user sees, and <see cref="ExitCode"/> the exit (2 for an option that has no server counterpart, as for a usage error).
/// </summary>
public sealed class RemoteException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
