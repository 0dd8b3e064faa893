using Glidepath.Client.Generated;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Glidepath.Client;

/// <summary>Builds the generated <see cref="GlidepathApiClient"/> for one server, signed in with a bearer token when given one.</summary>
public static class GlidepathClientFactory
{
    /// <param name="server">The server's base address (scheme, host, port and, behind a proxy, a path prefix).</param>
    /// <param name="tokens">Supplies the access token for each request; null for anonymous calls (sign-in, health).</param>
    /// <param name="httpClient">The transport (tests pass the in-process server's); null for a new one with Kiota's default handlers.</param>
    public static GlidepathApiClient Create(Uri server, IAccessTokenProvider? tokens = null, HttpClient? httpClient = null) =>
        new(CreateAdapter(server, tokens, httpClient));

    /// <summary>The request adapter under <see cref="Create"/>, for callers that send a generated request themselves (raw bodies, tests).</summary>
    public static HttpClientRequestAdapter CreateAdapter(Uri server, IAccessTokenProvider? tokens = null, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        IAuthenticationProvider authentication = tokens is null
            ? new AnonymousAuthenticationProvider()
            : new BaseBearerTokenAuthenticationProvider(tokens);
        return new HttpClientRequestAdapter(authentication, httpClient: httpClient)
        {
            BaseUrl = server.GetLeftPart(UriPartial.Path).TrimEnd('/'),
        };
    }
}
