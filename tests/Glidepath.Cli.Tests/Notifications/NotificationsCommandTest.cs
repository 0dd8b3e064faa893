using Glidepath.Cli.Tests.Commands;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Notifications;

namespace Glidepath.Cli.Tests.Notifications;

public class NotificationsCommandTest
{
    /// <summary>The daily job's use case from the CLI: one e-mail (to the pickup folder) for a user with the digest on and something unread, once per day.</summary>
    [Fact]
    public async Task Digest_AsOfADay_SendsOneEmailPerUser_AndASecondRunSendsNothing()
    {
        await using var cli = await CliRun.StartAsync();
        var (household, _) = await cli.HouseholdAsync();
        await using (var db = cli.Database.CreateDbContext())
        {
            var user = new GlidepathUser
            {
                Id = Guid.NewGuid(),
                Email = "digest@example.test",
                NormalizedEmail = "DIGEST@EXAMPLE.TEST",
                UserName = "digest@example.test",
                NormalizedUserName = "DIGEST@EXAMPLE.TEST",
                SecurityStamp = "s",
                CreatedUtc = DateTimeOffset.UnixEpoch,
            };
            db.Users.Add(user);
            db.HouseholdOwners.Add(new HouseholdOwner { HouseholdId = household, UserId = user.Id });
            db.NotificationPreferences.Add(new NotificationPreference { UserId = user.Id, EventType = NotificationChannels.DigestKind, Channel = NotificationChannels.Email, Enabled = true });
            db.Notifications.Add(new Notification
            {
                UserId = user.Id,
                HouseholdId = household,
                EventId = Guid.NewGuid(),
                EventType = "order.filled",
                Title = "Order filled: MSFT",
                Body = "Bought 10 MSFT at 32.78.",
                Html = "<p>Bought 10 MSFT at 32.78.</p>",
                CreatedUtc = new DateTime(2026, 12, 5, 16, 0, 0, DateTimeKind.Utc),
                InApp = true,
            });
            await db.SaveChangesAsync();
        }

        var mail = Path.Combine(cli.Folder, "mail");
        var settings = new Dictionary<string, string?> { ["Auth:EmailPickupFolder"] = mail };
        var first = await cli.RunWithAsync(settings, "", "notifications", "digest", "--as-of", "2026-12-06");
        var second = await cli.RunWithAsync(settings, "", "notifications", "digest", "--as-of", "2026-12-06");

        Assert.Equal((0, "1 digests sent, 0 already sent today, 0 with nothing unread, 0 failed.", ""), (first.ExitCode, first.Out.Trim(), first.Error));
        Assert.Equal((0, "0 digests sent, 1 already sent today, 0 with nothing unread, 0 failed."), (second.ExitCode, second.Out.Trim()));
        var message = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(mail, "*.eml")));
        Assert.Contains("To: digest@example.test", message, StringComparison.Ordinal);
        Assert.Contains("Subject: Your Glidepath digest for 2026-12-06: 1 unread", message, StringComparison.Ordinal);
        Assert.Contains("Order filled: MSFT", message, StringComparison.Ordinal);
    }
}
