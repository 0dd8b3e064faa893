using System.Text.Json;
using Glidepath.Cli.Hosting;
using Glidepath.Cli.Tests.Commands;
using Glidepath.Infrastructure.Backups;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;

namespace Glidepath.Cli.Tests.Backups;

/// <summary><c>glidepath backup create|restore</c>: files, messages, refusals and exit codes on both providers.</summary>
public sealed class BackupCommandTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task CreateThenRestore_IntoAnEmptyDatabase_SucceedsAndRemindsOfTheKeyRing(DatabaseProvider provider)
    {
        await using var cli = await CliRun.StartAsync(provider);
        var (household, _) = await cli.HouseholdAsync();
        var folder = Path.Combine(cli.Folder, "backups");

        var created = await cli.RunAsync("backup", "create", "--to", folder, "--json");
        Assert.True(created.ExitCode == 0, created.Error);
        var file = JsonDocument.Parse(created.Out).RootElement.GetProperty("path").GetString()!;
        Assert.Equal(folder, Path.GetDirectoryName(file));
        Assert.EndsWith(provider == DatabaseProvider.Sqlite ? ".db" : ".dump", file, StringComparison.Ordinal);

        await using var fresh = await CliRun.StartAsync(provider);
        var restored = await fresh.RunAsync("backup", "restore", file);

        Assert.True(restored.ExitCode == 0, restored.Error);
        Assert.Contains($"Restored {file} into the ", restored.Out, StringComparison.Ordinal);
        Assert.Contains("field-encryption key ring", restored.Out, StringComparison.Ordinal);
        await using var db = fresh.Database.CreateDbContext();
        Assert.Equal([household], db.Households.Select(h => h.Id).ToList());
    }

    [Fact]
    public async Task Restore_OverADatabaseWithData_RefusesInOneLine_UnlessForced()
    {
        await using var source = await CliRun.StartAsync();
        await source.HouseholdAsync();
        var created = await source.RunAsync("backup", "create", "--to", source.Folder);
        Assert.True(created.ExitCode == 0, created.Error);
        var file = Directory.GetFiles(source.Folder, "glidepath-*.db").Single();
        await using var target = await CliRun.StartAsync();
        await target.HouseholdAsync();

        var refused = await target.RunAsync("backup", "restore", file);
        var forced = await target.RunAsync("backup", "restore", file, "--force");

        Assert.Equal(ExitCodes.Failure, refused.ExitCode);
        Assert.Equal("", refused.Out);
        Assert.Matches(@"^glidepath: The SQLite database .* already holds users or households; restoring would replace them\. Add --force to overwrite it\.\n$", refused.Error.ReplaceLineEndings("\n"));
        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.Contains("replacing the data it held", forced.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_OnPostgresWithoutPgDump_FailsWithOneClearLine()
    {
        await using var cli = await CliRun.StartAsync(DatabaseProvider.Postgres);
        var missing = Path.Combine(cli.Folder, "no-such-pg_dump");

        var (exit, output, error) = await cli.RunWithAsync(new Dictionary<string, string?> { ["Backups:PgDump"] = missing }, "", "backup", "create", "--to", cli.Folder);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Equal("", output);
        Assert.Equal($"glidepath: pg_dump was not found (Backups:PgDump = '{missing}'): install the PostgreSQL client tools of the server's major version (apt-get install postgresql-client) or set Backups:PgDump to its path.\n", error.ReplaceLineEndings("\n"));
        Assert.Empty(Directory.GetFiles(cli.Folder));
    }

    [Fact]
    public async Task Restore_ANonBackupOrMissingFile_FailsWithOneLine()
    {
        await using var cli = await CliRun.StartAsync();
        var text = cli.File("notes.db", "not a database");

        var invalid = await cli.RunAsync("backup", "restore", text);
        var missing = await cli.RunAsync("backup", "restore", Path.Combine(cli.Folder, "gone.db"));
        var usage = await cli.RunAsync("backup", "restore");

        Assert.Equal((ExitCodes.Failure, ExitCodes.Failure, ExitCodes.Usage), (invalid.ExitCode, missing.ExitCode, usage.ExitCode));
        Assert.Equal($"glidepath: {text} is not a Glidepath SQLite backup (no __EFMigrationsHistory table).\n", invalid.Error.ReplaceLineEndings("\n"));
        Assert.StartsWith("glidepath: There is no backup file at ", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Prune_KeepsTheNewestBackupsOnly_AndLeavesOtherFiles()
    {
        var folder = Directory.CreateTempSubdirectory("glidepath-prune-").FullName;
        try
        {
            foreach (var name in new[] { "glidepath-20261201T000000Z.db", "glidepath-20261203T000000Z.db", "glidepath-20261202T000000Z.db", "notes.txt", "glidepath-20261204T000000Z.db.partial" })
            {
                File.WriteAllText(Path.Combine(folder, name), "");
            }

            var deleted = DatabaseBackup.Prune(folder, keep: 2);

            Assert.Equal(["glidepath-20261201T000000Z.db"], deleted.Select(Path.GetFileName));
            Assert.Equal(
                ["glidepath-20261202T000000Z.db", "glidepath-20261203T000000Z.db", "glidepath-20261204T000000Z.db.partial", "notes.txt"],
                Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
