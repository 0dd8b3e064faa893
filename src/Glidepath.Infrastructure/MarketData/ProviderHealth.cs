using System.Collections.Concurrent;

namespace Glidepath.Infrastructure.MarketData;

/// <summary>
/// Each provider's last success, last error and circuit state in this process, for
/// <c>/health/detailed</c> and the admin page. Errors are the one-line reasons refreshes report
/// (never a URL, which can carry a key).
/// </summary>
public sealed class ProviderHealth(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ProviderStatus> statuses = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<ProviderStatus> All => [.. statuses.Values.OrderBy(s => s.Provider, StringComparer.Ordinal)];

    public void Succeeded(string provider) =>
        statuses.AddOrUpdate(provider, p => new ProviderStatus(p) { LastSuccessUtc = clock.GetUtcNow() }, (_, s) => s with { LastSuccessUtc = clock.GetUtcNow() });

    public void Failed(string provider, string reason)
    {
        statuses.AddOrUpdate(provider, p => new ProviderStatus(p) { LastErrorUtc = clock.GetUtcNow(), LastError = reason }, (_, s) => s with { LastErrorUtc = clock.GetUtcNow(), LastError = reason });
        Observability.GlidepathMetrics.ProviderFailed(provider);
    }

    internal ValueTask Breaker(string provider, string state)
    {
        statuses.AddOrUpdate(provider, p => new ProviderStatus(p) { Circuit = state }, (_, s) => s with { Circuit = state });
        return ValueTask.CompletedTask;
    }
}

/// <param name="Circuit"><c>closed</c> (calls flow), <c>open</c> (calls fail at once) or <c>half-open</c> (one trial call).</param>
public sealed record ProviderStatus(string Provider)
{
    public DateTimeOffset? LastSuccessUtc { get; init; }

    public DateTimeOffset? LastErrorUtc { get; init; }

    public string? LastError { get; init; }

    public string Circuit { get; init; } = "closed";
}
