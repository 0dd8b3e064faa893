using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Auth;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Auth;

/// <summary>The database, key and mail files are the service user's alone: files 0600, folders the server creates 0700.</summary>
public class PrivateFilesTest
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task DatabaseKeysAndMail_AreCreatedReadableByTheOwnerOnly()
    {
        var folder = Path.Combine(Path.GetTempPath(), "glidepath-files-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(folder, "data", "glidepath.db")}" };
        try
        {
            await using (var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite, settings: settings))
            {
                await (await app.CreateAnonymousClient().PostAsync("/auth/register", new RegisterRequest("files@example.test", "a long passphrase of plain words")))
                    .ReadAsync<RegisteredDto>(System.Net.HttpStatusCode.Created);

                var data = Path.Combine(folder, "data");
                Assert.Equal(Folder, File.GetUnixFileMode(data));
                Assert.All(Directory.GetFiles(data), f => Assert.Equal(File600, File.GetUnixFileMode(f)));
                Assert.Contains(Path.Combine(data, "glidepath.db"), Directory.GetFiles(data));

                Assert.Equal(Folder, File.GetUnixFileMode(app.KeyFolder));
                Assert.Equal(Folder, File.GetUnixFileMode(Path.Combine(app.KeyFolder, "data-protection")));
                Assert.All(Directory.GetFiles(app.KeyFolder, "*.pem"), f => Assert.Equal(File600, File.GetUnixFileMode(f)));

                Assert.Equal(Folder, File.GetUnixFileMode(app.MailFolder));
                var mail = Assert.Single(Directory.GetFiles(app.MailFolder, "*.eml"));
                Assert.Equal(File600, File.GetUnixFileMode(mail));
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
