
using System.Text.RegularExpressions;

namespace Glidepath.Migrations.Sqlite.Migrations;

/// <summary>
/// Quartz.NET's ADO job store tables under the prefix <c>qrtz_</c>, from the schema script the Quartz
/// package itself ships for Sqlite (embedded resource <c>create_sqlite.sql</c>, generated
/// from the same schema description as quartznet/quartznet's database/tables/tables_sqlite.sql, Apache-2.0):
/// read from the referenced Quartz assembly, so the tables match the job store that queries them.
/// Its statements only create what is missing. Upgrading Quartz: add a migration that runs the
/// upgrade scripts of the releases in between (database/migrations/ in the Quartz repository).
/// </summary>
internal static class QuartzTables
{
    private const string Prefix = "qrtz_";
    private const string Resource = "Quartz.Impl.AdoJobStore.Schema.create_sqlite.sql";

    public static IEnumerable<string> Create()
    {
        using var stream = typeof(Quartz.IJob).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The Quartz assembly has no {Resource}.");
        using var reader = new StreamReader(stream);
        // '{0}' is the table prefix, '{1}' the prefix without a schema; statements are separated by a line '--;;'.
        var script = reader.ReadToEnd().Replace("{0}", Prefix, StringComparison.Ordinal).Replace("{1}", Prefix, StringComparison.Ordinal);
        return Regex.Split(script, @"^--;;\s*$", RegexOptions.Multiline).Select(s => s.Trim())
            .Where(s => s.Split('\n').Any(line => line.Trim() is { Length: > 0 } text && !text.StartsWith("--", StringComparison.Ordinal)));
    }

    public static readonly string[] Drop =
    [
        "DROP TABLE IF EXISTS qrtz_job_status", "DROP TABLE IF EXISTS qrtz_misfire_history", "DROP TABLE IF EXISTS qrtz_execution_history",
        "DROP TABLE IF EXISTS qrtz_fired_triggers", "DROP TABLE IF EXISTS qrtz_paused_trigger_grps", "DROP TABLE IF EXISTS qrtz_paused_job_grps",
        "DROP TABLE IF EXISTS qrtz_scheduler_state", "DROP TABLE IF EXISTS qrtz_locks", "DROP TABLE IF EXISTS qrtz_simprop_triggers",
        "DROP TABLE IF EXISTS qrtz_simple_triggers", "DROP TABLE IF EXISTS qrtz_cron_triggers", "DROP TABLE IF EXISTS qrtz_blob_triggers",
        "DROP TABLE IF EXISTS qrtz_triggers", "DROP TABLE IF EXISTS qrtz_job_details", "DROP TABLE IF EXISTS qrtz_calendars",
    ];
}
