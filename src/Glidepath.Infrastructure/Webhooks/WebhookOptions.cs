namespace Glidepath.Infrastructure.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section (docs/webhooks.md).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Allows http:// and loopback receivers (local development and tests); Development turns it on by default.</summary>
    public bool? AllowLoopback { get; set; }

    /// <summary>How often an idle worker looks for work.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a claimed delivery is this instance's; a crashed instance's deliveries are sent again after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first retry's delay; each later one doubles (up to <see cref="MaxRetryDelay"/>), with ±50% jitter.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>After this long without success a delivery fails and its subscription is disabled.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Deliveries claimed per round, and how many of them are sent at once.</summary>
    public int BatchSize { get; set; } = 200;

    public int Parallelism { get; set; } = 32;
}
