using Microsoft.Kiota.Abstractions.Authentication;

namespace Glidepath.Client;

/// <summary>One access token for every request to <paramref name="server"/>'s host (a script's <c>GLIDEPATH_TOKEN</c>, a test's user).</summary>
public sealed class StaticAccessToken(Uri server, string accessToken) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([server?.Host ?? throw new ArgumentNullException(nameof(server))]);

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? accessToken : "");
}
