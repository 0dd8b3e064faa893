namespace Glidepath.Server.Auth;

/// <summary>The <c>Auth</c> configuration section. Defaults are the documented ones (docs/security.md).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "glidepath";

    public string Audience { get; set; } = "glidepath-api";

    public int AccessTokenMinutes { get; set; } = 15;

    public int RefreshTokenDays { get; set; } = 30;

    /// <summary>
    /// Seconds after a refresh during which the just-rotated token still answers the same successor
    /// (two tabs refreshing at once); past them, presenting it is reuse and revokes the session.
    /// </summary>
    public int RefreshReuseGraceSeconds { get; set; } = 10;

    /// <summary>How recent an MFA proof must be for a critical action (the step-up policy).</summary>
    public int StepUpMinutes { get; set; } = 10;

    /// <summary>
    /// Folder of ES256 signing keys (one PKCS#8 PEM file per key, the file name is the key id).
    /// Relative paths are resolved against the working folder, like the SQLite file.
    /// </summary>
    public string KeyFolder { get; set; } = Path.Combine("data", "keys");

    /// <summary>The key id that signs; empty means the newest key file in <see cref="KeyFolder"/>.</summary>
    public string ActiveKeyId { get; set; } = "";

    public int MinPasswordLength { get; set; } = 12;

    public int MaxFailedAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>
    /// Whether anyone may sign up (<c>POST /auth/register</c>, and through a configured OpenID Connect provider);
    /// false: 403 <c>registration-closed</c>, and accounts exist only as the operator makes them.
    /// </summary>
    public bool OpenRegistration { get; set; } = true;

    /// <summary>When true, sign-in waits for the e-mail address to be confirmed.</summary>
    public bool RequireConfirmedEmail { get; set; }

    /// <summary>
    /// Roles whose tokens carry <c>write:reference-data</c>: writing the shared instruments and their
    /// prices, which every household is valued at. Operators only by default; households keep private
    /// instruments of their own instead (docs/security.md).
    /// </summary>
    public string[] ReferenceDataWriters { get; set; } = ["admin"];

    /// <summary>Where development and test e-mails are written (see PickupFolderEmailSender).</summary>
    public string EmailPickupFolder { get; set; } = Path.Combine("data", "mail");

    /// <summary>Base URL put into e-mailed links (confirmation, reset).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";
}
