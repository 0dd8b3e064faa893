using Glidepath.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Auth.Passwords;

/// <summary>
/// NIST SP 800-63B §5.1.1.2: length over composition. At least <see cref="AuthOptions.MinPasswordLength"/>
/// characters (12 by default), at most 128, any characters (spaces and Unicode included; no "one
/// digit, one symbol" rules), not a known common password, not the user's own e-mail or its local part.
/// Identity's composition rules are switched off in <see cref="AuthRegistration"/>.
/// </summary>
public sealed class NistPasswordValidator(CommonPasswords common, IOptions<AuthOptions> options) : IPasswordValidator<GlidepathUser>
{
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<GlidepathUser> manager, GlidepathUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new List<IdentityError>();
        password ??= "";
        var length = password.EnumerateRunes().Count();
        if (length < options.Value.MinPasswordLength)
        {
            errors.Add(new IdentityError { Code = "password-too-short", Description = $"Use at least {options.Value.MinPasswordLength} characters; a few unrelated words make a good password." });
        }

        if (length > MaxLength)
        {
            errors.Add(new IdentityError { Code = "password-too-long", Description = $"Use at most {MaxLength} characters." });
        }

        var email = user.Email ?? "";
        var local = email.Split('@')[0];
        if (common.Contains(password) || (email.Length > 0 && password.Equals(email, StringComparison.OrdinalIgnoreCase))
            || (local.Length >= 4 && password.Equals(local, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new IdentityError { Code = "password-common", Description = "This password is too common or too easy to guess; choose another." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
