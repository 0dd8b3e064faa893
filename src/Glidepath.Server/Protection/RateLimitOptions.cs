namespace Glidepath.Server.Protection;

/// <summary>The <c>RateLimits</c> section: permits per minute, fixed windows (the read-cost budget: a token bucket), no queueing.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Every /api request, per signed-in user.</summary>
    public int ApiPerMinute { get; set; } = 60;

    /// <summary>/auth/login, /auth/refresh and the other /auth routes, per client IP address.</summary>
    public int AuthPerIpPerMinute { get; set; } = 20;

    /// <summary>Login attempts per e-mail address and refreshes per user, whatever the IP.</summary>
    public int AuthPerAccountPerMinute { get; set; } = 10;

    /// <summary>Each user's budget for expensive reads, in cost units per minute (a token bucket: a full minute's worth may be spent at once).</summary>
    public int ReadCostPerMinute { get; set; } = 300;

    /// <summary>Units one expensive read (positions, valuation, net worth, performance, alerts…) takes: 300/10 is 30 such reads a minute.</summary>
    public int ExpensiveReadCost { get; set; } = 10;
}
