using System.CommandLine;
using Glidepath.Application.Audit;
using Glidepath.Cli.Hosting;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Cli.Users;

/// <summary>
/// <c>glidepath users grant-role EMAIL ROLE</c> and <c>glidepath users revoke-role EMAIL ROLE</c>:
/// the operator's way to make the first administrator (the admin API needs an admin already).
/// Works on the database like the server; each change is written to the audit log as the admin
/// API's <c>roles-changed</c> event, with no actor (the operator) and a detail saying it came from the CLI.
/// </summary>
public static class UsersCommand
{
    /// <summary>The roles an operator grants; "user" is every account's base role and is never granted or revoked.</summary>
    private static readonly string[] Grantable = [Roles.Admin, Roles.Advisor, Roles.Premium];

    public static Command Create(CliEnvironment env)
    {
        var command = new Command("users", "Operator tools for user accounts: grant and revoke roles.");
        command.Subcommands.Add(Change(env, "grant-role", "Give a user a role (admin, advisor or premium).", grant: true));
        command.Subcommands.Add(Change(env, "revoke-role", "Take a role (admin, advisor or premium) from a user.", grant: false));
        return command;
    }

    private static Command Change(CliEnvironment env, string name, string description, bool grant)
    {
        var email = new Argument<string>("EMAIL") { Description = "The user's e-mail address (as they sign in)." };
        var role = new Argument<string>("ROLE") { Description = "admin, advisor or premium." };
        var command = new Command(name, description) { email, role };
        command.SetAction((parse, ct) => RunAsync(env, parse.GetRequiredValue(email), parse.GetRequiredValue(role), grant, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, string email, string roleName, bool grant, CancellationToken ct)
    {
        var role = roleName.Trim().ToLowerInvariant();
        if (!Grantable.Contains(role, StringComparer.Ordinal))
        {
            return env.Fail(ExitCodes.Failure, $"'{roleName}' is not a role that can be {(grant ? "granted" : "revoked")}; roles are {string.Join(", ", Grantable)}.");
        }

        await using var services = await CliDatabase.OpenAsync(env, ct);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
        var normalizer = new UpperInvariantLookupNormalizer();
        var normalizedEmail = normalizer.NormalizeEmail(email.Trim());
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, ct);
        if (user is null)
        {
            return env.Fail(ExitCodes.Failure, $"no user with the e-mail address '{email.Trim()}'.");
        }

        var roleId = await RoleIdAsync(db, role, normalizer, ct);
        var has = await db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && ur.RoleId == roleId, ct);
        if (has == grant)
        {
            env.Out.WriteLine($"{user.Email} {(grant ? "already has" : "does not have")} the {role} role; nothing changed.");
            return ExitCodes.Success;
        }

        if (grant)
        {
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
        }
        else
        {
            db.UserRoles.Remove(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
        }

        // A new stamp, as UserManager does on a role change, so cached identities are refreshed.
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(ct);

        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync(ct);
        var list = string.Join(' ', roles.Order(StringComparer.Ordinal));
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredUtc = env.Clock.GetUtcNow(),
            Type = AuditEvents.RolesChanged,
            UserId = user.Id,
            Detail = $"{list} (cli {(grant ? "grant-role" : "revoke-role")} {role})",
        });
        await db.SaveChangesAsync(ct);

        env.Out.WriteLine($"{(grant ? "Granted" : "Revoked")} {role} {(grant ? "to" : "from")} {user.Email}; roles now: {list}. It takes effect at the user's next sign-in or token refresh.");
        if (grant && Roles.RequiringMfa.Contains(role) && !user.TwoFactorEnabled)
        {
            env.Out.WriteLine($"Note: the {role} role is used only after signing in with a second factor; {user.Email} has not enrolled one yet.");
        }

        return ExitCodes.Success;
    }

    /// <summary>The role's id, creating the row when the server has never started on this database (it seeds the roles at start).</summary>
    private static async Task<Guid> RoleIdAsync(GlidepathDbContext db, string role, UpperInvariantLookupNormalizer normalizer, CancellationToken ct)
    {
        var normalized = normalizer.NormalizeName(role);
        if (await db.Roles.Where(r => r.NormalizedName == normalized).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct) is { } id)
        {
            return id;
        }

        var created = new GlidepathRole { Id = Guid.NewGuid(), Name = role, NormalizedName = normalized, ConcurrencyStamp = Guid.NewGuid().ToString() };
        db.Roles.Add(created);
        return created.Id;
    }
}
