using System.CommandLine;
using System.Globalization;
using Glidepath.Cli.Hosting;
using Glidepath.Infrastructure.Encryption;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Glidepath.Cli.Keys;

/// <summary>
/// <c>glidepath keys generate|rotate|status</c>: the field-encryption key ring (docs/encryption.md).
/// Key material is printed only by <c>generate</c> without <c>--file</c>, which exists to print it.
/// </summary>
public static class KeysCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("keys", "Field-encryption keys: make a new key, re-encrypt stored values under the active key, count values per key.");
        command.Subcommands.Add(Generate(env));
        command.Subcommands.Add(Rotate(env));
        command.Subcommands.Add(Status(env));
        return command;
    }

    private static Command Generate(CliEnvironment env)
    {
        var file = new Option<string?>("--file")
        {
            Description = "Add the new key to this key file (created if missing, owner-only permissions) and make it active; nothing secret is printed.",
        };
        var id = new Option<uint?>("--id") { Description = "Key id to print (default 1); with --file the next free id is used." };
        var command = new Command("generate", "Make a new random AES-256 key.") { file, id };
        command.SetAction(parse => parse.GetValue(file) is { } path ? AddToFile(env, path) : Print(env, parse.GetValue(id) ?? 1));
        return command;
    }

    private static int Print(CliEnvironment env, uint id)
    {
        if (id == 0)
        {
            return env.Fail(ExitCodes.Usage, "--id starts at 1.");
        }

        var key = Convert.ToBase64String(KeyFile.NewKey());
        var n = id.ToString(CultureInfo.InvariantCulture);
        env.Out.WriteLine($"# New key {n}. Keep it secret and back it up; add it to the key ring in ONE of these forms:");
        env.Out.WriteLine($"Encryption__Keys__{n}={key}");
        env.Out.WriteLine($"Encryption__ActiveKey={n}");
        env.Out.WriteLine($"# appsettings.json: \"Encryption\": {{ \"ActiveKey\": {n}, \"Keys\": {{ \"{n}\": \"{key}\" }} }}");
        return ExitCodes.Success;
    }

    private static int AddToFile(CliEnvironment env, string path)
    {
        var (keys, _) = File.Exists(path) ? KeyFile.Read(path) : ([], null);
        var id = keys.Count == 0 ? 1 : keys.Keys.Max() + 1;
        keys[id] = KeyFile.NewKey();
        KeyFile.Write(path, keys, id);
        env.Out.WriteLine(
            $"Added key {id} to {Path.GetFullPath(path)} and made it active (keys: {string.Join(", ", keys.Keys.Order())}). "
            + "Back the file up. Restart the server so new values use it, then run `glidepath keys rotate`.");
        return ExitCodes.Success;
    }

    private static Command Rotate(CliEnvironment env)
    {
        var batch = new Option<int>("--batch-size")
        {
            Description = "Values per database transaction.",
            DefaultValueFactory = _ => KeyRotation.DefaultBatchSize,
        };
        var command = new Command(
            "rotate",
            "Re-encrypt every protected value under the key ring's active key, in batches; safe to stop and run again (it continues).")
        {
            batch,
        };
        command.SetAction((parse, ct) => RotateAsync(env, parse.GetValue(batch), ct));
        return command;
    }

    private static async Task<int> RotateAsync(CliEnvironment env, int batchSize, CancellationToken ct)
    {
        if (batchSize < 1)
        {
            return env.Fail(ExitCodes.Usage, "--batch-size must be at least 1.");
        }

        await using var services = await CliDatabase.OpenAsync(env, ct);
        await using var scope = services.CreateAsyncScope();
        var ring = services.GetRequiredService<FieldKeyRing>();
        env.Out.WriteLine($"Re-encrypting under key {ring.ActiveKeyId} (key ring: {string.Join(", ", ring.KeyIds.Order())}).");
        var progress = new LineProgress(env.Out);
        RotationSummary summary;
        try
        {
            summary = await scope.ServiceProvider.GetRequiredService<KeyRotation>().RotateAsync(batchSize, progress, ct);
        }
        catch (FieldDecryptionException exception)
        {
            return env.Fail(ExitCodes.Failure,
                exception.Message + " Rotation stopped; the batches already done stay re-encrypted and a re-run continues from there.");
        }

        var table = new Table().Title($"Rotation to key {summary.ActiveKeyId}");
        table.AddColumns("Column", "Values", "Already current", "Re-encrypted", "Changed meanwhile");
        foreach (var c in summary.Columns)
        {
            table.AddRow(c.Column, Count(c.Scanned), Count(c.AlreadyCurrent), Count(c.Reencrypted), Count(c.ChangedMeanwhile));
        }

        env.Console.Write(table);
        env.Out.WriteLine($"Done: {Count(summary.Reencrypted)} re-encrypted, {Count(summary.AlreadyCurrent)} already under key {summary.ActiveKeyId}.");
        return ExitCodes.Success;
    }

    private static Command Status(CliEnvironment env)
    {
        var json = CliOptions.Json();
        var command = new Command("status", "Count stored protected values per column and key id (read-only).") { json };
        command.SetAction((parse, ct) => StatusAsync(env, parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> StatusAsync(CliEnvironment env, bool json, CancellationToken ct)
    {
        await using var services = await CliDatabase.OpenAsync(env, ct);
        await using var scope = services.CreateAsyncScope();
        var counts = await scope.ServiceProvider.GetRequiredService<KeyRotation>().CountByKeyAsync(ct);
        var ring = services.GetRequiredService<FieldKeyRing>();
        if (json)
        {
            CliJson.Write(env.Out, new KeyStatusOutput(ring.ActiveKeyId, [.. ring.KeyIds.Order()], counts));
            return ExitCodes.Success;
        }

        var table = new Table().Title($"Protected values per key (active key {ring.ActiveKeyId})");
        table.AddColumns("Column", "Key", "Values");
        foreach (var c in counts)
        {
            table.AddRow(c.Column, c.KeyId?.ToString(CultureInfo.InvariantCulture) ?? "not a ciphertext", Count(c.Count));
        }

        env.Console.Write(table);
        return ExitCodes.Success;
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Reports synchronously, one line per batch (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class LineProgress(TextWriter output) : IProgress<RotationProgress>
    {
        public void Report(RotationProgress value) =>
            output.WriteLine($"  {value.Column}: {Count(value.Scanned)} looked at, {Count(value.Reencrypted)} re-encrypted");
    }
}

/// <summary>The JSON shape of <c>keys status --json</c>.</summary>
public sealed record KeyStatusOutput(uint ActiveKeyId, IReadOnlyList<uint> KeyIds, IReadOnlyList<ColumnKeyCount> Values);
