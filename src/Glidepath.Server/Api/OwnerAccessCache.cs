using System.Collections.Concurrent;

namespace Glidepath.Server.Api;

/// <summary>
/// Remembers for <see cref="Lifetime"/> that a user owns a household, so a read (GET, HEAD) does not ask the
/// database on every request: that query was the largest single cost of a cached portfolio read (bench/README.md,
/// issue 24). Only ownership is remembered, never an advisor's grant (a revoked grant must stop at once), and only
/// reads use it. Ownership ends only when the household or the user is erased, and then the read finds no
/// household anyway; writes always ask the database. An entry is not renewed by use: it expires.
/// </summary>
public sealed class OwnerAccessCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>Entries kept at most; past this the cache starts over (one query per pair refills it).</summary>
    private const int Capacity = 100_000;

    private readonly ConcurrentDictionary<(Guid User, Guid Household), DateTimeOffset> owners = new();

    public bool IsKnownOwner(Guid userId, Guid householdId) =>
        owners.TryGetValue((userId, householdId), out var until) && clock.GetUtcNow() < until;

    public void RememberOwner(Guid userId, Guid householdId)
    {
        if (owners.Count >= Capacity)
        {
            owners.Clear();
        }

        owners[(userId, householdId)] = clock.GetUtcNow() + Lifetime;
    }
}
