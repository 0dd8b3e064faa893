namespace Glidepath.Application.Audit;

/// <summary>The audit event types (stable names; docs/security.md lists them).</summary>
public static class AuditEvents
{
    public const string Registered = "registered";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignOut = "sign-out";
    public const string SessionRevoked = "session-revoked";
    public const string RefreshReused = "refresh-token-reused";
    public const string EmailConfirmed = "email-confirmed";
    public const string PasswordResetRequested = "password-reset-requested";
    public const string PasswordReset = "password-reset";
    public const string MfaEnabled = "mfa-enabled";
    public const string MfaDisabled = "mfa-disabled";
    public const string RecoveryCodesRegenerated = "recovery-codes-regenerated";
    public const string StepUp = "step-up";
    public const string RolesChanged = "roles-changed";
    public const string GrantCreated = "grant-created";
    public const string GrantRevoked = "grant-revoked";
    public const string SigningKeyRotated = "signing-key-rotated";
    public const string DataExported = "data-exported";
    public const string HouseholdDeleted = "household-deleted";
    public const string AccountDeleted = "account-deleted";
    public const string TradePlaced = "trade-placed";
    public const string ExternalLoginLinked = "external-login-linked";
    public const string TransactionEdited = "transaction-edited";
    public const string TransactionDeleted = "transaction-deleted";
    public const string LedgerAccountDeleted = "ledger-account-deleted";
    public const string SharedFxRatesImported = "shared-fx-rates-imported";
}
