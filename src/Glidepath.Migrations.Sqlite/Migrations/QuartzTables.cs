namespace Glidepath.Migrations.Sqlite.Migrations;

/// <summary>
/// Quartz.NET's ADO job store tables (prefix <c>qrtz_</c>) for SQLite, as Quartz's own schema script
/// defines them (quartznet/quartznet, database/tables/tables_sqlite.sql, Apache-2.0), lower-cased:
/// the job store's SQL names these columns, so they must match it. Created by the ScheduledJobs migration.
/// </summary>
internal static class QuartzTables
{
    private const string Key = "sched_name NVARCHAR(120) NOT NULL, trigger_name NVARCHAR(150) NOT NULL, trigger_group NVARCHAR(150) NOT NULL";
    private const string TriggerKey = "PRIMARY KEY (sched_name, trigger_name, trigger_group), FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE";

    public static readonly string[] Create =
    [
        """
        CREATE TABLE qrtz_job_details (
            sched_name NVARCHAR(120) NOT NULL, job_name NVARCHAR(150) NOT NULL, job_group NVARCHAR(150) NOT NULL,
            description NVARCHAR(250) NULL, job_class_name NVARCHAR(250) NOT NULL,
            is_durable BIT NOT NULL, is_nonconcurrent BIT NOT NULL, is_update_data BIT NOT NULL, requests_recovery BIT NOT NULL,
            job_data BLOB NULL,
            PRIMARY KEY (sched_name, job_name, job_group))
        """,
        """
        CREATE TABLE qrtz_triggers (
            sched_name NVARCHAR(120) NOT NULL, trigger_name NVARCHAR(150) NOT NULL, trigger_group NVARCHAR(150) NOT NULL,
            job_name NVARCHAR(150) NOT NULL, job_group NVARCHAR(150) NOT NULL, description NVARCHAR(250) NULL,
            next_fire_time BIGINT NULL, prev_fire_time BIGINT NULL, priority INTEGER NULL,
            trigger_state NVARCHAR(16) NOT NULL, trigger_type NVARCHAR(8) NOT NULL,
            start_time BIGINT NOT NULL, end_time BIGINT NULL, calendar_name NVARCHAR(200) NULL,
            misfire_instr INTEGER NULL, misfire_orig_fire_time INTEGER NULL, execution_group NVARCHAR(200) NULL,
            preferred_node NVARCHAR(200) NULL, preferred_node_auto BIT NOT NULL DEFAULT 0, job_data BLOB NULL,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group))
        """,
        $"CREATE TABLE qrtz_simple_triggers ({Key}, repeat_count BIGINT NOT NULL, repeat_interval BIGINT NOT NULL, times_triggered BIGINT NOT NULL, {TriggerKey})",
        $"""
        CREATE TABLE qrtz_simprop_triggers ({Key},
            str_prop_1 NVARCHAR(512) NULL, str_prop_2 NVARCHAR(512) NULL, str_prop_3 NVARCHAR(512) NULL,
            int_prop_1 INT NULL, int_prop_2 INT NULL, long_prop_1 BIGINT NULL, long_prop_2 BIGINT NULL,
            dec_prop_1 NUMERIC NULL, dec_prop_2 NUMERIC NULL, bool_prop_1 BIT NULL, bool_prop_2 BIT NULL,
            time_zone_id NVARCHAR(80) NULL, {TriggerKey})
        """,
        $"CREATE TABLE qrtz_cron_triggers ({Key}, cron_expression NVARCHAR(250) NOT NULL, time_zone_id NVARCHAR(80), {TriggerKey})",
        $"CREATE TABLE qrtz_blob_triggers ({Key}, blob_data BLOB NULL, {TriggerKey})",
        // Quartz's script also deletes a trigger's rows by SQLite trigger, for connections with foreign keys off.
        "CREATE TRIGGER qrtz_delete_simple_trigger DELETE ON qrtz_triggers BEGIN DELETE FROM qrtz_simple_triggers WHERE sched_name = OLD.sched_name AND trigger_name = OLD.trigger_name AND trigger_group = OLD.trigger_group; END",
        "CREATE TRIGGER qrtz_delete_simprop_trigger DELETE ON qrtz_triggers BEGIN DELETE FROM qrtz_simprop_triggers WHERE sched_name = OLD.sched_name AND trigger_name = OLD.trigger_name AND trigger_group = OLD.trigger_group; END",
        "CREATE TRIGGER qrtz_delete_cron_trigger DELETE ON qrtz_triggers BEGIN DELETE FROM qrtz_cron_triggers WHERE sched_name = OLD.sched_name AND trigger_name = OLD.trigger_name AND trigger_group = OLD.trigger_group; END",
        "CREATE TRIGGER qrtz_delete_blob_trigger DELETE ON qrtz_triggers BEGIN DELETE FROM qrtz_blob_triggers WHERE sched_name = OLD.sched_name AND trigger_name = OLD.trigger_name AND trigger_group = OLD.trigger_group; END",
        "CREATE TABLE qrtz_calendars (sched_name NVARCHAR(120) NOT NULL, calendar_name NVARCHAR(200) NOT NULL, calendar BLOB NOT NULL, PRIMARY KEY (sched_name, calendar_name))",
        "CREATE TABLE qrtz_paused_trigger_grps (sched_name NVARCHAR(120) NOT NULL, trigger_group NVARCHAR(150) NOT NULL, PRIMARY KEY (sched_name, trigger_group))",
        """
        CREATE TABLE qrtz_fired_triggers (
            sched_name NVARCHAR(120) NOT NULL, entry_id NVARCHAR(140) NOT NULL,
            trigger_name NVARCHAR(150) NOT NULL, trigger_group NVARCHAR(150) NOT NULL, instance_name NVARCHAR(200) NOT NULL,
            fired_time BIGINT NOT NULL, sched_time BIGINT NOT NULL, priority INTEGER NOT NULL, state NVARCHAR(16) NOT NULL,
            job_name NVARCHAR(150) NULL, job_group NVARCHAR(150) NULL, is_nonconcurrent BIT NULL, requests_recovery BIT NULL,
            execution_group NVARCHAR(200) NULL,
            PRIMARY KEY (sched_name, entry_id))
        """,
        "CREATE TABLE qrtz_scheduler_state (sched_name NVARCHAR(120) NOT NULL, instance_name NVARCHAR(200) NOT NULL, last_checkin_time BIGINT NOT NULL, checkin_interval BIGINT NOT NULL, PRIMARY KEY (sched_name, instance_name))",
        "CREATE TABLE qrtz_locks (sched_name NVARCHAR(120) NOT NULL, lock_name NVARCHAR(40) NOT NULL, PRIMARY KEY (sched_name, lock_name))",
        "CREATE INDEX idx_qrtz_j_g_n ON qrtz_job_details (sched_name, job_group, job_name)",
        "CREATE INDEX idx_qrtz_t_g_n ON qrtz_triggers (sched_name, trigger_group, trigger_name)",
    ];

    public static readonly string[] Drop =
    [
        "DROP TABLE IF EXISTS qrtz_fired_triggers", "DROP TABLE IF EXISTS qrtz_paused_trigger_grps", "DROP TABLE IF EXISTS qrtz_scheduler_state",
        "DROP TABLE IF EXISTS qrtz_locks", "DROP TABLE IF EXISTS qrtz_simprop_triggers", "DROP TABLE IF EXISTS qrtz_simple_triggers",
        "DROP TABLE IF EXISTS qrtz_cron_triggers", "DROP TABLE IF EXISTS qrtz_blob_triggers", "DROP TABLE IF EXISTS qrtz_triggers",
        "DROP TABLE IF EXISTS qrtz_job_details", "DROP TABLE IF EXISTS qrtz_calendars",
    ];
}
