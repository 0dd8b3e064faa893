using System.CommandLine;
using System.Globalization;
using Glidepath.Cli.Hosting;
using Glidepath.Infrastructure.Backups;
using Glidepath.Infrastructure.Persistence;

namespace Glidepath.Cli.Backups;

/// <summary>
/// <c>glidepath backup create [--to DIR]</c> and <c>glidepath backup restore FILE [--force]</c> on the
/// configured database (docs/operations.md, "Backups"). Neither applies migrations: a restored backup
/// keeps its own schema version, and the server brings it up to date at its next start.
/// </summary>
public static class BackupCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("backup", "Back up the database to a file, or restore one (SQLite: online backup; PostgreSQL: pg_dump custom format).");
        command.Subcommands.Add(CreateBackup(env));
        command.Subcommands.Add(Restore(env));
        return command;
    }

    private static DatabaseBackup Open(CliEnvironment env) =>
        new(DatabaseSettings.FromConfiguration(env.Configuration), BackupOptions.FromConfiguration(env.Configuration), env.Clock);

    private static Command CreateBackup(CliEnvironment env)
    {
        var to = new Option<string?>("--to") { Description = "Folder for the backup file (default: Backups:Folder, else backups/ beside the SQLite file or ./data/backups)." };
        var json = CliOptions.Json();
        var command = new Command("create", "Write a consistent backup of the whole database while the server runs.") { to, json };
        command.SetAction(async (parse, ct) =>
        {
            var backup = Open(env);
            var created = await backup.CreateAsync(parse.GetValue(to), ct);
            if (!created.TryGet(out var file, out var problem))
            {
                return env.Fail(ExitCodes.Failure, problem.Message);
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(env.Out, file);
                return ExitCodes.Success;
            }

            env.Out.WriteLine($"Backed up the {backup.Describe()} to {file.Path} ({file.Bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes).");
            env.Out.WriteLine(BackupProblems.KeyRingReminder);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Restore(CliEnvironment env)
    {
        var file = new Argument<string>("FILE") { Description = "A backup that `glidepath backup create` or the backup job wrote." };
        var force = new Option<bool>("--force") { Description = "Overwrite a database that already holds users or households." };
        var command = new Command("restore", "Replace the configured database's contents with a backup (stop the servers first).") { file, force };
        command.SetAction(async (parse, ct) =>
        {
            var backup = Open(env);
            var restored = await backup.RestoreAsync(parse.GetValue(file)!, parse.GetValue(force), ct);
            if (!restored.TryGet(out var done, out var problem))
            {
                return env.Fail(ExitCodes.Failure, problem.Message);
            }

            env.Out.WriteLine($"Restored {done.Path} into the {backup.Describe()}{(done.Overwrote ? ", replacing the data it held" : "")}.");
            env.Out.WriteLine(BackupProblems.KeyRingReminder);
            env.Out.WriteLine("Check with `glidepath keys status` that every stored value is under a key of the configured ring.");
            return ExitCodes.Success;
        });
        return command;
    }
}
