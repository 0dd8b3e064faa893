using System.Net.Mail;
using Glidepath.Application.Users;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Email;
using Glidepath.Infrastructure.Identity;
using Glidepath.Server.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Auth;

/// <summary>Sign-up (a user, the user role and a household of their own, in one transaction), e-mail confirmation and password reset.</summary>
internal static class Registration
{
    public static async Task<Results<Created<RegisteredDto>, ValidationProblem, ConflictProblem, ForbiddenProblem>> Register(
        RegisterRequest request, UserManager<GlidepathUser> users, SignUps signUps, IEmailSender email, AuditLog audit,
        IOptions<AuthOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var address = request.Email?.Trim();
        if (!TextLimits.Fits(address, TextLimits.Email))
        {
            return new ValidationErrors().CheckLength(address, "email", TextLimits.Email).ToProblem();
        }

        if (address is null || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            return ValidationErrors.Single("email", "A valid e-mail address is required.");
        }

        if (!options.Value.OpenRegistration)
        {
            return RegistrationClosed();
        }

        var user = new GlidepathUser { Id = Guid.NewGuid(), UserName = address, Email = address, CreatedUtc = clock.GetUtcNow() };
        var (householdId, created) = await signUps.CreateAsync(user, request.Password ?? "", null, ct);
        if (!created.Succeeded)
        {
            return created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
                ? EmailTaken("An account with this e-mail address exists; sign in or reset the password.")
                : PasswordProblem(created, "password");
        }

        await SendConfirmationAsync(user, users, email, options.Value, ct);
        await audit.WriteAsync(AuditEvents.Registered, user.Id, householdId, ct: ct);
        return TypedResults.Created("/api/me", new RegisteredDto(user.Id, householdId));
    }

    internal static async Task SendConfirmationAsync(GlidepathUser user, UserManager<GlidepathUser> users, IEmailSender email, AuthOptions options, CancellationToken ct)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await email.SendAsync(new EmailMessage(user.Email!, "Confirm your Glidepath e-mail address",
            $"Confirm your address by posting this to {options.PublicBaseUrl}/auth/confirm-email:\n\n"
            + $"{{\"userId\": \"{user.Id}\", \"token\": \"{token}\"}}\n"), ct);
    }

    internal static ConflictProblem EmailTaken(string detail) => new(AuthErrorCodes.EmailTaken, detail);

    internal static ForbiddenProblem RegistrationClosed() =>
        new(AuthErrorCodes.RegistrationClosed, "This server does not take new sign-ups; ask its operator for an account.");

    public static async Task<Results<NoContent, ValidationProblem>> ConfirmEmail(
        ConfirmEmailRequest request, UserManager<GlidepathUser> users, AuditLog audit, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(request.UserId.ToString());
        if (user is null || string.IsNullOrEmpty(request.Token) || !(await users.ConfirmEmailAsync(user, request.Token)).Succeeded)
        {
            return InvalidToken();
        }

        await audit.WriteAsync(AuditEvents.EmailConfirmed, user.Id, ct: ct);
        return TypedResults.NoContent();
    }

    /// <summary>Always 202, whether or not the address has an account.</summary>
    public static async Task<Accepted> ForgotPassword(
        ForgotPasswordRequest request, UserManager<GlidepathUser> users, IEmailSender email, AuditLog audit, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(request.Email) && await users.FindByEmailAsync(request.Email.Trim()) is { Email: { } address } user)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            await email.SendAsync(new EmailMessage(address, "Reset your Glidepath password",
                $"To choose a new password, post this with your new password to /auth/reset-password:\n\n"
                + $"{{\"email\": \"{address}\", \"token\": \"{token}\", \"newPassword\": \"…\"}}\n\nIf you did not ask for this, ignore this message."), ct);
            await audit.WriteAsync(AuditEvents.PasswordResetRequested, user.Id, ct: ct);
        }

        return TypedResults.Accepted((string?)null);
    }

    /// <summary>A reset signs out every session (all refresh tokens are revoked) and clears a lockout.</summary>
    public static async Task<Results<NoContent, ValidationProblem>> ResetPassword(
        ResetPasswordRequest request, UserManager<GlidepathUser> users, Tokens.RefreshTokens refresh, AuditLog audit, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(request.Email) ? null : await users.FindByEmailAsync(request.Email.Trim());
        if (user is null || string.IsNullOrEmpty(request.Token))
        {
            return InvalidToken();
        }

        var result = await users.ResetPasswordAsync(user, request.Token, request.NewPassword ?? "");
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == "InvalidToken") ? InvalidToken() : PasswordProblem(result, "newPassword");
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await refresh.RevokeAllForUserAsync(user.Id, ct);
        await audit.WriteAsync(AuditEvents.PasswordReset, user.Id, ct: ct);
        return TypedResults.NoContent();
    }

    private static ValidationProblem PasswordProblem(IdentityResult result, string field)
    {
        var errors = new ValidationErrors();
        foreach (var error in result.Errors)
        {
            errors.Add(error.Code.StartsWith("password", StringComparison.OrdinalIgnoreCase) || error.Code.StartsWith("Password", StringComparison.Ordinal) ? field : "email", error.Description);
        }

        return errors.ToProblem();
    }

    private static ValidationProblem InvalidToken() => ValidationErrors.Single("token", "The link is invalid or has expired.");
}
