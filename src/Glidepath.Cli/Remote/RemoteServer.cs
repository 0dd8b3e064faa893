using System.CommandLine;
using Glidepath.Cli.Hosting;
using Glidepath.Client;
using Glidepath.Client.Generated;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Glidepath.Cli.Remote;

/// <summary>
/// Remote mode: with <c>--server URL</c> (a global option) or <c>GLIDEPATH_SERVER</c> a command calls that server's
/// API through the generated client instead of opening the database. The access token is <c>GLIDEPATH_TOKEN</c>
/// when set (scripts, CI), else the one <c>glidepath login</c> kept in the <see cref="CredentialFile"/>, refreshed
/// when it is about to expire.
/// </summary>
public sealed class RemoteServer(CliEnvironment env)
{
    public const string ServerVariable = "GLIDEPATH_SERVER";
    public const string TokenVariable = "GLIDEPATH_TOKEN";

    public Option<string?> Option { get; } = new("--server")
    {
        Description = $"Call this Glidepath server's API (http(s)://host[:port]) instead of opening the database (default: {ServerVariable}).",
        Recursive = true,
    };

    /// <summary>The server to call, or null for local mode.</summary>
    public Uri? Address(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var text = parse.GetValue(Option);
        if (string.IsNullOrWhiteSpace(text))
        {
            text = env.Configuration[ServerVariable];
        }

        return string.IsNullOrWhiteSpace(text) ? null : Parse(text);
    }

    public static Uri Parse(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Query.Length == 0
            ? uri
            : throw new RemoteException($"--server '{text}' is not an http(s) address such as https://glidepath.example.");

    /// <summary>The generated client, signed in: <c>GLIDEPATH_TOKEN</c>, else the stored tokens of <paramref name="server"/>.</summary>
    public GlidepathApiClient Connect(Uri server) => new(Adapter(server));

    /// <summary>The signed-in request adapter under <see cref="Connect"/>, for requests the generated methods cannot send (a CSV answer, a raw CSV body).</summary>
    public IRequestAdapter Adapter(Uri server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var token = env.Configuration[TokenVariable];
        IAccessTokenProvider tokens;
        if (!string.IsNullOrWhiteSpace(token))
        {
            tokens = new StaticAccessToken(server, token.Trim());
        }
        else
        {
            var file = CredentialFile.For(env);
            var stored = file.Read(server) ?? throw new RemoteException(
                $"not signed in to {Origin(server)}: run glidepath login --server {Origin(server)}, or set {TokenVariable}.");
            tokens = new RefreshingAccessToken(server, file, stored, env.Clock);
        }

        return GlidepathClientFactory.CreateAdapter(server, tokens);
    }

    public static string Origin(Uri server) => server.GetLeftPart(UriPartial.Path).TrimEnd('/');
}
