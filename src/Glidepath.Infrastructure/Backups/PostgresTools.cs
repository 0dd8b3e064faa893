using System.ComponentModel;
using System.Diagnostics;
using Glidepath.Domain.Results;
using Npgsql;

namespace Glidepath.Infrastructure.Backups;

/// <summary>
/// Runs <c>pg_dump</c> / <c>pg_restore</c> against the database an Npgsql connection string names. The
/// connection goes through libpq's environment variables (PGHOST, PGPASSWORD, …), so the password is
/// never on a command line that <c>ps</c> shows.
/// </summary>
internal static class PostgresTools
{
    public static async Task<Result<string>> RunAsync(
        string program, string tool, string setting, string connectionString, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Set(start, "PGHOST", connection.Host);
        Set(start, "PGPORT", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set(start, "PGUSER", connection.Username);
        Set(start, "PGPASSWORD", connection.Password);
        Set(start, "PGDATABASE", connection.Database);
        Set(start, "PGSSLMODE", connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (Win32Exception)
        {
            return BackupProblems.Missing(tool, setting, program);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            try
            {
                await process.WaitForExitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var stderr = await error;
            await output;
            if (process.ExitCode != 0)
            {
                var first = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit code {process.ExitCode}";
                return new Problem(ProblemKind.Unavailable, BackupProblems.ToolFailed, $"{tool} failed: {first}");
            }

            return stderr;
        }
    }

    private static void Set(ProcessStartInfo start, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            start.Environment[name] = value;
        }
        else
        {
            start.Environment.Remove(name);
        }
    }
}
