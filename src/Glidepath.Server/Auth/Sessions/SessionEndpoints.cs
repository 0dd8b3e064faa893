using Glidepath.Server.Auth.Tokens;
using Glidepath.Server.Errors;

namespace Glidepath.Server.Auth.Sessions;

/// <summary>
/// One signed-in session: a refresh-token family. <paramref name="SignedInUtc"/> is when its first token was
/// issued, <paramref name="LastRefreshedUtc"/> when its live token was (the last refresh or step-up),
/// <paramref name="ExpiresUtc"/> when that token stops working; <paramref name="Mfa"/> says whether the
/// session's latest proof included a second factor; <paramref name="Current"/> marks the caller's own.
/// </summary>
public sealed record SessionDto(Guid Id, DateTimeOffset SignedInUtc, DateTimeOffset LastRefreshedUtc, DateTimeOffset ExpiresUtc, bool Mfa, bool Current);

public sealed record SessionsRevokedDto(int Revoked);

/// <summary>
/// <c>/api/me/sessions</c>: the caller's signed-in sessions, and signing one (or all the others) out.
/// Revoking a session revokes its refresh-token family, so its next refresh fails; an access token
/// already handed out stays valid until it expires (at most <c>Auth:AccessTokenMinutes</c>).
/// </summary>
public static class SessionEndpoints
{
    public static RouteGroupBuilder MapSessionEndpoints(this RouteGroupBuilder me)
    {
        var sessions = me.MapGroup("/sessions").WithTags("Sessions");
        sessions.MapGet("/", List);
        sessions.MapDelete("/{sessionId:guid}", Revoke);
        sessions.MapDelete("/", RevokeOthers);
        return me;
    }

    /// <summary>Live sessions, the caller's own first, then most recently refreshed first.</summary>
    private static async Task<Ok<List<SessionDto>>> List(HttpContext http, RefreshTokens refresh, CancellationToken ct) =>
        TypedResults.Ok(await refresh.LiveSessionsAsync(http.User.UserId(), http.User.SessionId(), ct));

    private static async Task<Results<NoContent, NotFoundProblem>> Revoke(
        Guid sessionId, HttpContext http, RefreshTokens refresh, AuditLog audit, CancellationToken ct)
    {
        var userId = http.User.UserId();
        if (!await refresh.RevokeSessionAsync(userId, sessionId, ct))
        {
            return new NotFoundProblem(AuthErrorCodes.SessionNotFound, $"Session {sessionId} is not one of yours or has already ended.");
        }

        await audit.WriteAsync(AuditEvents.SessionRevoked, userId, detail: $"session {sessionId}", ct: ct);
        return TypedResults.NoContent();
    }

    /// <summary>Signs out everywhere else: every session but the caller's own.</summary>
    private static async Task<Ok<SessionsRevokedDto>> RevokeOthers(HttpContext http, RefreshTokens refresh, AuditLog audit, CancellationToken ct)
    {
        var userId = http.User.UserId();
        var revoked = await refresh.RevokeOtherSessionsAsync(userId, http.User.SessionId(), ct);
        if (revoked > 0)
        {
            await audit.WriteAsync(AuditEvents.SessionRevoked, userId, detail: $"{revoked} other sessions", ct: ct);
        }

        return TypedResults.Ok(new SessionsRevokedDto(revoked));
    }
}
