using Glidepath.Client;
using Glidepath.Client.Generated.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Glidepath.Cli.Remote;

/// <summary>
/// The stored access token while it has more than a minute left; then one POST /auth/refresh, whose new pair is
/// written back at once (the old refresh token is spent: reusing it would revoke the session). A refused refresh
/// (the session was revoked or expired) forgets the tokens and asks for a new login. A command's requests run one
/// after another, so two refreshes never race.
/// </summary>
internal sealed class RefreshingAccessToken(Uri server, CredentialFile file, StoredTokens stored, TimeProvider clock) : IAccessTokenProvider
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);
    private StoredTokens current = stored;

    public AllowedHostsValidator AllowedHostsValidator { get; } = new([server.Host]);

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (!AllowedHostsValidator.IsUrlHostValid(uri))
        {
            return "";
        }

        if (clock.GetUtcNow() + Margin < current.ExpiresUtc)
        {
            return current.AccessToken;
        }

        TokensDto? fresh;
        try
        {
            fresh = await GlidepathClientFactory.Create(server).Auth.Refresh.PostAsync(new RefreshRequest { RefreshToken = current.RefreshToken }, cancellationToken: cancellationToken);
        }
        catch (ApiException refused) when (refused.ResponseStatusCode is 400 or 401)
        {
            file.Write(server, null);
            throw new RemoteException($"the session at {RemoteServer.Origin(server)} has ended: run glidepath login --server {RemoteServer.Origin(server)} again.");
        }

        current = Tokens.From(fresh, clock);
        file.Write(server, current);
        return current.AccessToken;
    }
}

internal static class Tokens
{
    public static StoredTokens From(TokensDto? tokens, TimeProvider clock) =>
        tokens is { AccessToken: { } access, RefreshToken: { } refresh, ExpiresIn: { } seconds }
            ? new StoredTokens(access, refresh, clock.GetUtcNow().AddSeconds(seconds))
            : throw new RemoteException("the server's sign-in answer has no tokens.");
}
