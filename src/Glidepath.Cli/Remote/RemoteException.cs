namespace Glidepath.Cli.Remote;

/// <summary>Remote mode cannot start (no token, bad server address): its message is the one line the user sees.</summary>
public sealed class RemoteException(string message) : Exception(message);
