namespace Glidepath.Application.Errors;

/// <summary>Stable codes of sign-in and authorisation problems.</summary>
public static class AuthErrorCodes
{
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string InvalidCredentials = "invalid-credentials";
    public const string MfaRequired = "mfa-required";
    public const string InvalidMfaCode = "invalid-mfa-code";
    public const string InvalidRefreshToken = "invalid-refresh-token";
    public const string StepUpRequired = "step-up-required";
    public const string OwnerOnly = "owner-only";
    public const string GrantReadOnly = "grant-read-only";
    public const string EmailTaken = "email-taken";
    public const string RegistrationClosed = "registration-closed";
    public const string InvalidToken = "invalid-token";
    public const string RateLimited = "rate-limited";
    public const string UserNotFound = "user-not-found";
    public const string GrantNotFound = "grant-not-found";
    public const string NotAnAdvisor = "not-an-advisor";
    public const string SessionNotFound = "session-not-found";
}
