using Glidepath.Infrastructure.Jobs;
using Glidepath.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Quartz;

namespace Glidepath.Server.Jobs;

/// <summary>
/// Quartz.NET with its ADO job store on the app database. On PostgreSQL it is clustered: every node
/// checks in to <c>qrtz_scheduler_state</c> and acquires due triggers under a row lock in
/// <c>qrtz_locks</c>, so each firing runs on one node only. Quartz refuses clustering on SQLite (its
/// whole-file locks), and a SQLite database serves one server process: one node, not clustered.
/// The <c>qrtz_</c> tables come from our migrations (ScheduledJobs).
/// </summary>
public static class JobsRegistration
{
    public const string SchedulerName = "glidepath";

    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.Section));
        services.AddSingleton<JobsScheduler>();
        services.AddScoped<JobRunLog>();
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        if (!options.Enabled)
        {
            return services;
        }

        var database = DatabaseSettings.FromConfiguration(configuration);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                if (!string.Equals(options.InstanceId, "AUTO", StringComparison.OrdinalIgnoreCase))
                {
                    s.InstanceId = options.InstanceId;
                }

                s.IdleWaitTime = options.IdleWait;
            });
            q.UsePersistentStore(store =>
            {
                store.ConfigureStore(s => s.TablePrefix = "qrtz_");
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    store.UseClustering(_ => { });
                    store.UsePostgres(database.ConnectionString);
                }
                else
                {
                    store.UseSqlite(SqliteFactory.Instance, database.ConnectionString);
                }
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<JobScheduleSync>();
        return services;
    }
}
