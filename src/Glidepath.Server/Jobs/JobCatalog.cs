namespace Glidepath.Server.Jobs;

/// <summary>A job the scheduler knows: its stable name (routes, the job-run table), what it does, its class.</summary>
public sealed record JobDefinition(string Name, string Description, Type Type, Func<JobsOptions, JobSchedule?> Schedule);

/// <summary>Every scheduled job, in the order the admin page lists them.</summary>
public static class JobCatalog
{
    public const string PriceRefresh = "price-refresh";
    public const string FxRefresh = "fx-refresh";
    public const string DriftScan = "drift-scan";
    public const string HarvestScan = "harvest-scan";
    public const string AnomalyScan = "anomaly-scan";
    public const string PlanReruns = "plan-reruns";
    public const string Retention = "retention";
    public const string OrderProcessing = "order-processing";
    public const string NotificationDigest = "notification-digest";
    public const string Backup = "backup";
    public const string ConsultationGrants = "consultation-grants";
    public const string ConsultationReminders = "consultation-reminders";
    public const string CategoriserRetrain = "categoriser-retrain";
    public const string AggregationSync = "aggregation-sync";

    /// <summary>The job group of Quartz's keys: the cluster's scheduler holds only ours.</summary>
    public const string Group = "glidepath";

    public static IReadOnlyList<JobDefinition> All { get; } =
    [
        new(PriceRefresh, "Fetches the day's closes of shared instruments after each exchange's close (one trigger per exchange).", typeof(PriceRefreshJob), _ => null),
        new(FxRefresh, "Fetches the euro reference rates after the ECB publishes them.", typeof(FxRefreshJob), o => o.FxRefresh),
        new(DriftScan, "Checks every household's targets for drift outside their bands.", typeof(DriftScanJob), o => o.DriftScan),
        new(HarvestScan, "Scans every household for tax-loss harvesting opportunities.", typeof(HarvestScanJob), o => o.HarvestScan),
        new(AnomalyScan, "Scans every household's daily returns and spending per category for unusual days and alerts the new ones (docs/anomalies.md).", typeof(AnomalyScanJob), o => o.AnomalyScan),
        new(PlanReruns, "Queues a fresh simulation of every saved plan.", typeof(PlanRerunJob), o => o.PlanReruns),
        new(OrderProcessing, "Submits pending orders to their brokers and books the fills they report.", typeof(OrderProcessingJob), o => o.OrderProcessing),
        new(NotificationDigest, "E-mails each user who asked for it a digest of their unread notifications, once a day.", typeof(NotificationDigestJob), o => o.NotificationDigest),
        new(ConsultationGrants, "Ends the advisor grants of consultations whose period is over (docs/advisors.md).", typeof(ConsultationGrantsJob), o => o.ConsultationGrants),
        new(ConsultationReminders, "Reminds client and advisor of each booked consultation two days before it starts, once per booking and time (docs/advisors.md).", typeof(ConsultationRemindersJob), o => o.ConsultationReminders),
        new(CategoriserRetrain, "Retrains the categoriser of every household with 20 categories set by hand since its last training, or enough labels and no model (docs/categoriser.md).", typeof(CategoriserRetrainJob), o => o.CategoriserRetrain),
        new(AggregationSync, "Syncs the transactions and holdings of every linked institution that does not need a re-link (docs/aggregation.md).", typeof(AggregationSyncJob), o => o.AggregationSync),
        new(Backup, "Backs up the database into Backups:Folder and keeps the newest Jobs:Backup:Keep backups.", typeof(BackupJob), o => o.Backup),
        new(Retention, "Deletes old job runs, expired refresh tokens and what else has a retention rule.", typeof(RetentionJob), o => o.Retention),
    ];

    public static JobDefinition? Find(string name) => All.FirstOrDefault(j => string.Equals(j.Name, name, StringComparison.Ordinal));
}
