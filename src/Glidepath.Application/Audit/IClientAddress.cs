namespace Glidepath.Application.Audit;

/// <summary>
/// The network address of whoever asked, for the audit trail: the server's answers it from the
/// request, the CLI (a local operator) has none.
/// </summary>
public interface IClientAddress
{
    string? Current { get; }
}

/// <summary>No address: the CLI and background jobs.</summary>
public sealed class NoClientAddress : IClientAddress
{
    public string? Current => null;
}
