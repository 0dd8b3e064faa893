namespace Glidepath.Infrastructure.Email;

/// <summary>The <c>Email</c> settings (docs/notifications.md): the SMTP server mail goes through, when one is configured.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    /// <summary>The server's host name; empty means no SMTP (mail goes to the pickup folder instead).</summary>
    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    /// <summary><c>Auto</c> (STARTTLS when offered; TLS on connect for port 465), <c>StartTls</c>, <c>SslOnConnect</c> or <c>None</c> (loopback sinks only).</summary>
    public string Security { get; set; } = "Auto";

    /// <summary>Empty: no authentication.</summary>
    public string UserName { get; set; } = "";

    /// <summary>Never logged; set it from the environment (<c>Email__Smtp__Password</c>) or a secret store.</summary>
    public string Password { get; set; } = "";

    /// <summary>The From address of every message.</summary>
    public string From { get; set; } = "Glidepath <no-reply@localhost>";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}
