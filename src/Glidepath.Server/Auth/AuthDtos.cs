namespace Glidepath.Server.Auth;

public sealed record RegisterRequest(string? Email, string? Password);

public sealed record RegisteredDto(Guid UserId, Guid HouseholdId);

public sealed record LoginRequest(string? Email, string? Password, string? TotpCode, string? RecoveryCode);

public sealed record TokensDto(string AccessToken, string RefreshToken, int ExpiresIn);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record ConfirmEmailRequest(Guid UserId, string? Token);

public sealed record ForgotPasswordRequest(string? Email);

public sealed record ResetPasswordRequest(string? Email, string? Token, string? NewPassword);
