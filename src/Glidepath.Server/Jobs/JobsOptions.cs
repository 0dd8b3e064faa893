namespace Glidepath.Server.Jobs;

/// <summary>
/// <c>Jobs</c>: the scheduler and each job's schedule (docs/market-data.md, "Schedules"). Cron
/// expressions are Quartz's (seconds first); time zones are IANA ids. A job switched off keeps its
/// name on the admin page and can still be triggered by hand.
/// </summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>False: no scheduler in this process (test hosts, or a node kept out of the cluster).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>This node's id in the cluster; <c>AUTO</c> makes one from the host name and the time.</summary>
    public string InstanceId { get; set; } = "AUTO";

    /// <summary>How long an idle node waits before it looks for due triggers another node stored.</summary>
    public TimeSpan IdleWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a node brings the stored triggers in line with the configuration and the exchanges instruments name.</summary>
    public TimeSpan ResyncEvery { get; set; } = TimeSpan.FromHours(1);

    public PriceRefreshSchedule PriceRefresh { get; set; } = new();

    /// <summary>The FX refresh's provider (<c>ecb</c> or <c>alphavantage</c>).</summary>
    public string FxProvider { get; set; } = "ecb";

    public JobSchedule FxRefresh { get; set; } = new() { Cron = "0 30 16 ? * MON-FRI", TimeZone = "Europe/Berlin" };

    public JobSchedule DriftScan { get; set; } = new() { Cron = "0 0 2 * * ?", TimeZone = "UTC" };

    public JobSchedule HarvestScan { get; set; } = new() { Cron = "0 15 2 * * ?", TimeZone = "UTC" };

    /// <summary>Daily after the other scans (docs/anomalies.md).</summary>
    public JobSchedule AnomalyScan { get; set; } = new() { Cron = "0 30 2 * * ?", TimeZone = "UTC" };

    public JobSchedule PlanReruns { get; set; } = new() { Cron = "0 0 3 ? * SUN", TimeZone = "UTC" };

    /// <summary>Every minute: the paper broker fills what the stored closes allow; other brokers are polled.</summary>
    public JobSchedule OrderProcessing { get; set; } = new() { Cron = "0 * * * * ?", TimeZone = "UTC" };

    /// <summary>The daily digest e-mail, early morning UTC.</summary>
    public JobSchedule NotificationDigest { get; set; } = new() { Cron = "0 0 6 * * ?", TimeZone = "UTC" };

    /// <summary>Every five minutes: a consultation's advisor grant ends at most this late.</summary>
    public JobSchedule ConsultationGrants { get; set; } = new() { Cron = "0 */5 * * * ?", TimeZone = "UTC" };

    /// <summary>Every five minutes: a consultation's reminder goes at most this late after its time (two days before the start).</summary>
    public JobSchedule ConsultationReminders { get; set; } = new() { Cron = "0 */5 * * * ?", TimeZone = "UTC" };
    /// <summary>Every ten minutes: retrains the categoriser of each household with enough corrections since its last training (docs/categoriser.md).</summary>
    public JobSchedule CategoriserRetrain { get; set; } = new() { Cron = "0 */10 * * * ?", TimeZone = "UTC" };

    /// <summary>Every six hours: syncs every aggregation connection that does not need a re-link (docs/aggregation.md).</summary>
    public JobSchedule AggregationSync { get; set; } = new() { Cron = "0 20 */6 * * ?", TimeZone = "UTC" };

    public RetentionSchedule Retention { get; set; } = new() { Cron = "0 30 3 * * ?", TimeZone = "UTC" };

    /// <summary>Hourly (a recovery point at most an hour old), keeping two days of backups.</summary>
    public BackupSchedule Backup { get; set; } = new() { Cron = "0 0 * * * ?", TimeZone = "UTC" };
}

public class JobSchedule
{
    public bool Enabled { get; set; } = true;

    public string Cron { get; set; } = "";

    public string TimeZone { get; set; } = "UTC";
}

/// <summary>
/// One trigger per exchange that shared instruments name, at that exchange's schedule, or at
/// <c>*</c>'s for an exchange not listed. Each refreshes only its exchange's instruments.
/// </summary>
public sealed class PriceRefreshSchedule
{
    public const string AnyExchange = "*";

    public bool Enabled { get; set; } = true;

    /// <summary>After each exchange's close, in its own time zone (configuration adds or replaces entries).</summary>
    public Dictionary<string, JobSchedule> Exchanges { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NYSE"] = new() { Cron = "0 0 17 ? * MON-FRI", TimeZone = "America/New_York" },
        ["NASDAQ"] = new() { Cron = "0 0 17 ? * MON-FRI", TimeZone = "America/New_York" },
        ["NYSEARCA"] = new() { Cron = "0 0 17 ? * MON-FRI", TimeZone = "America/New_York" },
        ["AMEX"] = new() { Cron = "0 0 17 ? * MON-FRI", TimeZone = "America/New_York" },
        ["BATS"] = new() { Cron = "0 0 17 ? * MON-FRI", TimeZone = "America/New_York" },
        ["TSX"] = new() { Cron = "0 0 17 ? * MON-FRI", TimeZone = "America/Toronto" },
        ["XETRA"] = new() { Cron = "0 0 18 ? * MON-FRI", TimeZone = "Europe/Berlin" },
        ["LSE"] = new() { Cron = "0 0 17 ? * MON-FRI", TimeZone = "Europe/London" },
        ["EURONEXT"] = new() { Cron = "0 0 18 ? * MON-FRI", TimeZone = "Europe/Paris" },
        ["SIX"] = new() { Cron = "0 0 18 ? * MON-FRI", TimeZone = "Europe/Zurich" },
        ["TSE"] = new() { Cron = "0 0 16 ? * MON-FRI", TimeZone = "Asia/Tokyo" },
        ["ASX"] = new() { Cron = "0 0 17 ? * MON-FRI", TimeZone = "Australia/Sydney" },
        [AnyExchange] = new() { Cron = "0 30 22 ? * MON-FRI", TimeZone = "UTC" },
    };
}

/// <summary>What the retention job deletes; a null number of days keeps the rows.</summary>
public sealed class RetentionSchedule : JobSchedule
{
    /// <summary>Job runs older than this (the admin page's history).</summary>
    public int? JobRunDays { get; set; } = 90;

    /// <summary>Refresh tokens this long past their expiry (spent, revoked or not: none can be used again).</summary>
    public int? RefreshTokenDaysAfterExpiry { get; set; } = 7;

    /// <summary>Audit events older than this; kept by default (the audit trail is a security record).</summary>
    public int? AuditDays { get; set; }

    /// <summary>Finished simulation runs older than this; kept by default (they are the users' results).</summary>
    public int? FinishedSimulationRunDays { get; set; }
}

/// <summary>The scheduled backup (<c>Backups:Folder</c>) and how many backups it keeps there.</summary>
public sealed class BackupSchedule : JobSchedule
{
    /// <summary>The newest this many backups in the folder are kept; older ones are deleted after each successful backup.</summary>
    public int Keep { get; set; } = 48;
}
