using Glidepath.Cli.Hosting;
using Glidepath.Cli.Tests.Commands;
using Glidepath.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Cli.Tests.Users;

public sealed class UsersCommandTest
{
    [Fact]
    public async Task GrantRole_ThenRevoke_ChangesTheRolesAndAuditsBoth()
    {
        await using var cli = await CliRun.StartAsync();
        var userId = await UserAsync(cli, "Ada@Example.com");

        var granted = await cli.RunAsync("users", "grant-role", "ada@example.com", "ADMIN");
        Assert.True(granted.ExitCode == 0, granted.Error);
        Assert.Contains("Granted admin to Ada@Example.com; roles now: admin user.", granted.Out, StringComparison.Ordinal);
        Assert.Contains("second factor", granted.Out, StringComparison.Ordinal);
        Assert.Equal(["admin", "user"], await RolesAsync(cli, userId));

        var again = await cli.RunAsync("users", "grant-role", "ada@example.com", "admin");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already has the admin role", again.Out, StringComparison.Ordinal);

        var revoked = await cli.RunAsync("users", "revoke-role", "ada@example.com", "admin");
        Assert.True(revoked.ExitCode == 0, revoked.Error);
        Assert.Equal(["user"], await RolesAsync(cli, userId));

        await using var db = cli.Database.CreateDbContext();
        var events = await db.AuditEvents.Where(e => e.UserId == userId).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [("roles-changed", "admin user (cli grant-role admin)"), ("roles-changed", "user (cli revoke-role admin)")],
            events.Select(e => (e.Type, e.Detail)));
        Assert.All(events, e => Assert.Null(e.ActorId));
    }

    [Fact]
    public async Task GrantRole_OnADatabaseTheServerNeverSeeded_CreatesTheRole()
    {
        await using var cli = await CliRun.StartAsync();
        var userId = await UserAsync(cli, "bo@example.com", seedRoles: false);

        var granted = await cli.RunAsync("users", "grant-role", "bo@example.com", "advisor");

        Assert.True(granted.ExitCode == 0, granted.Error);
        Assert.Equal(["advisor"], await RolesAsync(cli, userId));
    }

    [Theory]
    [InlineData("grant-role", "nobody@example.com", "admin", "glidepath: no user with the e-mail address 'nobody@example.com'.")]
    [InlineData("grant-role", "ada@example.com", "root", "glidepath: 'root' is not a role that can be granted; roles are admin, advisor, premium.")]
    [InlineData("revoke-role", "ada@example.com", "user", "glidepath: 'user' is not a role that can be revoked; roles are admin, advisor, premium.")]
    public async Task UnknownEmailOrRole_ExitsOneWithOneLine_AndChangesNothing(string verb, string email, string role, string expected)
    {
        await using var cli = await CliRun.StartAsync();
        var userId = await UserAsync(cli, "ada@example.com");

        var (exit, stdout, stderr) = await cli.RunAsync("users", verb, email, role);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Equal("", stdout);
        Assert.Equal(expected, Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd());
        Assert.Equal(["user"], await RolesAsync(cli, userId));
        await using var db = cli.Database.CreateDbContext();
        Assert.Equal(0, await db.AuditEvents.CountAsync());
    }

    [Fact]
    public async Task MissingRoleArgument_IsAUsageError()
    {
        await using var cli = await CliRun.StartAsync();

        var (exit, _, stderr) = await cli.RunAsync("users", "grant-role", "ada@example.com");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A user as registration leaves one: normalised e-mail, the "user" role (the server seeds the roles at start).</summary>
    private static async Task<Guid> UserAsync(CliRun cli, string email, bool seedRoles = true)
    {
        await using var db = cli.Database.CreateDbContext();
        var user = new GlidepathUser
        {
            Id = Guid.NewGuid(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            SecurityStamp = "s",
            CreatedUtc = DateTimeOffset.UnixEpoch,
        };
        db.Users.Add(user);
        if (seedRoles)
        {
            foreach (var name in Roles.All)
            {
                db.Roles.Add(new GlidepathRole { Id = Guid.NewGuid(), Name = name, NormalizedName = name.ToUpperInvariant() });
            }

            await db.SaveChangesAsync();
            var userRole = await db.Roles.SingleAsync(r => r.Name == Roles.User);
            db.UserRoles.Add(new() { UserId = user.Id, RoleId = userRole.Id });
        }

        await db.SaveChangesAsync();
        return user.Id;
    }

    private static async Task<List<string>> RolesAsync(CliRun cli, Guid userId)
    {
        await using var db = cli.Database.CreateDbContext();
        var names = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name!).ToListAsync();
        return [.. names.Order(StringComparer.Ordinal)];
    }
}
