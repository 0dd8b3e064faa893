using System.Security.Cryptography;
using System.Text;
using Glidepath.Domain.Planning;
using Glidepath.Domain.Recommendations;
using Microsoft.Extensions.Caching.Memory;

namespace Glidepath.Application.Recommendations;

/// <summary>
/// The plan's advice (<see cref="PlanLeverRules.Evaluate"/>: save more, retire later, spend less, each a Monte Carlo solve,
/// about a second of CPU) kept in this process per household, keyed by everything the solves read: the plan's id, version
/// and name and a SHA-256 of the snapshot scenario they run (the plan's scenario with the household's holdings valued
/// today, inflation and the capital-market assumptions filled in; docs/recommendations.md, "Cost of a read"). Any write
/// that changes what the solves would see (the plan, a trade, a price, new assumptions, a new day) changes the snapshot or
/// the version, so the next read misses and computes afresh; a read with the same inputs is answered from memory. The
/// return-series datasets the solves may bootstrap from are files shipped with the server. Entries expire after an hour
/// unused; at most <see cref="Capacity"/> are kept.
/// </summary>
public sealed class PlanAdviceCache : IDisposable
{
    /// <summary>Entries kept at most (each a handful of recommendations).</summary>
    public const int Capacity = 10_000;

    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private long computed;

    /// <summary>How many times the advice was computed rather than found (a miss): what the tests watch.</summary>
    public long Computed => Interlocked.Read(ref computed);

    /// <summary>The advice for <paramref name="plan"/> of the household, from memory when its inputs are unchanged, else <paramref name="compute"/>'s.</summary>
    public IReadOnlyList<Recommendation> GetOrCompute(Guid householdId, PlanFact plan, Func<IReadOnlyList<Recommendation>> compute)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(compute);
        var key = KeyOf(householdId, plan);
        if (entries.TryGetValue(key, out IReadOnlyList<Recommendation>? hit) && hit is not null)
        {
            return hit;
        }

        var advice = compute();
        Interlocked.Increment(ref computed);
        entries.Set(key, advice, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        return advice;
    }

    public void Dispose() => entries.Dispose();

    /// <summary>The household, the plan's id and version, and a hash of its name and of the scenario the solves run, as written.</summary>
    internal static string KeyOf(Guid householdId, PlanFact plan)
    {
        var inputs = Encoding.UTF8.GetBytes(plan.Name + "\n" + ScenarioParser.Write(plan.Scenario));
        return $"{householdId:N}|{plan.PlanId:N}|{plan.Version}|{Convert.ToHexStringLower(SHA256.HashData(inputs))}";
    }
}
