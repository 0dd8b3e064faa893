using System.Security.Cryptography;
using System.Text;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Auth.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Auth.Tokens;

/// <summary>How presenting a refresh token went.</summary>
public enum RefreshOutcome
{
    Rotated,
    Unknown,
    Expired,
    /// <summary>A spent or revoked token came back: its whole family is now revoked.</summary>
    Reused,
}

public sealed record RefreshResult(RefreshOutcome Outcome, RefreshToken? Successor, string? Token, Guid? UserId);

/// <summary>
/// Opaque refresh tokens: 256 random bits, base64url, stored as SHA-256 only, 30 days, one use each.
/// Consuming is a conditional UPDATE (… WHERE consumed_utc IS NULL) that also records the successor, so
/// of concurrent uses of the same token exactly one rotates it and the others, within
/// <see cref="AuthOptions.RefreshReuseGraceSeconds"/>, answer the same successor; later uses are reuse.
/// </summary>
public sealed class RefreshTokens(GlidepathDbContext db, IOptions<AuthOptions> options, TimeProvider clock)
{
    public async Task<string> IssueAsync(Guid userId, SignInProof proof, Guid? familyId = null, CancellationToken ct = default)
    {
        var token = NewToken();
        await StoreAsync(token, userId, proof, familyId ?? Guid.NewGuid(), ct);
        return token;
    }

    private async Task StoreAsync(string token, Guid userId, SignInProof proof, Guid familyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var now = clock.GetUtcNow();
        db.RefreshTokens.Add(new RefreshToken
        {
            UserId = userId,
            FamilyId = familyId,
            TokenHash = Hash(token),
            CreatedUtc = now,
            ExpiresUtc = now.AddDays(options.Value.RefreshTokenDays),
            AuthenticatedUtc = proof.AuthenticatedUtc,
            Methods = proof.Methods,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<RefreshResult> RotateAsync(string presented, CancellationToken ct = default)
    {
        var hash = Hash(presented);
        var stored = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (stored is null)
        {
            return new RefreshResult(RefreshOutcome.Unknown, null, null, null);
        }

        var now = clock.GetUtcNow();
        if (stored.ConsumedUtc is not null || stored.RevokedUtc is not null)
        {
            return await GraceOrReuseAsync(stored, ct);
        }

        if (stored.ExpiresUtc <= now)
        {
            return new RefreshResult(RefreshOutcome.Expired, null, null, stored.UserId);
        }

        // Spending the token and recording its successor is one conditional UPDATE: of concurrent uses
        // one wins, and the others find the successor it recorded.
        var token = NewToken();
        var won = await db.RefreshTokens
            .Where(t => t.Id == stored.Id && t.ConsumedUtc == null && t.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedUtc, now).SetProperty(t => t.SuccessorToken, token), ct);
        if (won == 0)
        {
            var spent = await db.RefreshTokens.AsNoTracking().FirstAsync(t => t.Id == stored.Id, ct);
            return await GraceOrReuseAsync(spent, ct);
        }

        await StoreAsync(token, stored.UserId, new SignInProof(stored.AuthenticatedUtc, stored.Methods), stored.FamilyId, ct);
        return new RefreshResult(RefreshOutcome.Rotated, stored, token, stored.UserId);
    }

    /// <summary>
    /// A spent token presented again: within the grace after its rotation (and with its session still
    /// live) it answers the successor it was rotated to; otherwise it is reuse and the family is revoked.
    /// </summary>
    private async Task<RefreshResult> GraceOrReuseAsync(RefreshToken spent, CancellationToken ct)
    {
        var grace = TimeSpan.FromSeconds(options.Value.RefreshReuseGraceSeconds);
        if (spent is { RevokedUtc: null, ConsumedUtc: { } consumed, SuccessorToken: { } successor } && clock.GetUtcNow() - consumed <= grace)
        {
            return new RefreshResult(RefreshOutcome.Rotated, spent, successor, spent.UserId);
        }

        await RevokeFamilyAsync(spent.FamilyId, ct);
        return new RefreshResult(RefreshOutcome.Reused, null, null, spent.UserId);
    }

    /// <summary>The user a presented token belongs to (used or not), for per-account rate limits.</summary>
    public async Task<Guid?> OwnerOfAsync(string presented, CancellationToken ct = default)
    {
        var hash = Hash(presented);
        return await db.RefreshTokens.AsNoTracking().Where(t => t.TokenHash == hash).Select(t => (Guid?)t.UserId).FirstOrDefaultAsync(ct);
    }

    /// <summary>Revokes the family of <paramref name="presented"/> (sign-out). Unknown tokens are ignored.</summary>
    public async Task<Guid?> RevokeAsync(string presented, CancellationToken ct = default)
    {
        var hash = Hash(presented);
        var stored = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (stored is null)
        {
            return null;
        }

        await RevokeFamilyAsync(stored.FamilyId, ct);
        return stored.UserId;
    }

    /// <summary>
    /// Spends the live token of the user's session <paramref name="familyId"/> so a successor can carry a new proof
    /// (step-up). False when the session is not the user's, or is revoked or expired.
    /// </summary>
    public async Task<bool> SupersedeAsync(Guid userId, Guid familyId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var live = (await db.RefreshTokens.AsNoTracking()
                .Where(t => t.UserId == userId && t.FamilyId == familyId && t.ConsumedUtc == null && t.RevokedUtc == null)
                .Select(t => new { t.Id, t.ExpiresUtc }).ToListAsync(ct))
            .Where(t => t.ExpiresUtc > now).Select(t => t.Id).ToList();
        return live.Count > 0 && await db.RefreshTokens
            .Where(t => live.Contains(t.Id) && t.ConsumedUtc == null && t.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedUtc, now), ct) > 0;
    }

    /// <summary>The user's live sessions (a token neither spent, revoked nor expired): <paramref name="current"/> first, then most recently refreshed first.</summary>
    public async Task<List<SessionDto>> LiveSessionsAsync(Guid userId, Guid? current, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();

        // Instants are compared and sorted here: SQLite cannot order or compare DateTimeOffset in SQL.
        var live = (await db.RefreshTokens.AsNoTracking()
                .Where(t => t.UserId == userId && t.ConsumedUtc == null && t.RevokedUtc == null)
                .Select(t => new { t.FamilyId, t.CreatedUtc, t.ExpiresUtc, t.Methods }).ToListAsync(ct))
            .Where(t => t.ExpiresUtc > now)
            .GroupBy(t => t.FamilyId).Select(g => g.MaxBy(t => t.CreatedUtc)!)
            .ToList();
        var families = live.Select(t => t.FamilyId).ToList();
        var started = (await db.RefreshTokens.AsNoTracking()
                .Where(t => t.UserId == userId && families.Contains(t.FamilyId))
                .Select(t => new { t.FamilyId, t.CreatedUtc }).ToListAsync(ct))
            .GroupBy(t => t.FamilyId).ToDictionary(g => g.Key, g => g.Min(t => t.CreatedUtc));

        return live
            .Select(t => new SessionDto(
                t.FamilyId, started[t.FamilyId], t.CreatedUtc, t.ExpiresUtc,
                t.Methods.Split(' ').Contains(AuthClaims.Mfa, StringComparer.Ordinal), t.FamilyId == current))
            .OrderByDescending(s => s.Current).ThenByDescending(s => s.LastRefreshedUtc)
            .ToList();
    }

    /// <summary>Revokes one of the user's sessions (a refresh-token family); false when the user has no such live session.</summary>
    public async Task<bool> RevokeSessionAsync(Guid userId, Guid familyId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return await db.RefreshTokens.Where(t => t.UserId == userId && t.FamilyId == familyId && t.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedUtc, now), ct) > 0;
    }

    /// <summary>Revokes every session of the user except <paramref name="keep"/> (null: all of them); answers how many sessions it revoked.</summary>
    public async Task<int> RevokeOtherSessionsAsync(Guid userId, Guid? keep, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var families = await db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedUtc == null && t.FamilyId != keep)
            .Select(t => t.FamilyId).Distinct().ToListAsync(ct);
        if (families.Count > 0)
        {
            await db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedUtc == null && families.Contains(t.FamilyId))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedUtc, now), ct);
        }

        return families.Count;
    }

    public Task<int> RevokeAllForUserAsync(Guid userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedUtc, now), ct);
    }

    private Task<int> RevokeFamilyAsync(Guid familyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedUtc, now), ct);
    }

    private static string NewToken() => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
