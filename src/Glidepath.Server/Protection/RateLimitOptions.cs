namespace Glidepath.Server.Protection;

/// <summary>The <c>RateLimits</c> section: permits per minute, fixed windows, no queueing.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Every /api request, per signed-in user.</summary>
    public int ApiPerMinute { get; set; } = 60;

    /// <summary>/auth/login, /auth/refresh and the other /auth routes, per client IP address.</summary>
    public int AuthPerIpPerMinute { get; set; } = 20;

    /// <summary>Login attempts per e-mail address and refreshes per user, whatever the IP.</summary>
    public int AuthPerAccountPerMinute { get; set; } = 10;
}
