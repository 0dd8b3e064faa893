namespace Glidepath.Server.Observability;

/// <summary>
/// <c>Metrics</c>: where Prometheus scrapes this instance (docs/operations.md, "Metrics"): a listener of
/// its own, never the app's port, so <c>/metrics</c> is not reachable through the proxy.
/// </summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>The scrape listener's port; 0 (the default): no listener.</summary>
    public int Port { get; set; }

    /// <summary>The address it binds: loopback unless a scraper on another host (a container network) needs it (<c>*</c>).</summary>
    public string Host { get; set; } = "127.0.0.1";
}
