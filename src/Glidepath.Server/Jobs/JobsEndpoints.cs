using Glidepath.Infrastructure.Jobs;
using Glidepath.Server.Api;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;
using Quartz;

namespace Glidepath.Server.Jobs;

/// <summary>
/// <c>/api/admin/jobs</c>: the scheduled jobs with their last run and next run, a job's runs, and
/// triggering one now (docs/market-data.md, "Schedules"). Admins only.
/// </summary>
public static class JobsEndpoints
{
    public const string JobNotFoundCode = "job-not-found";
    public const string SchedulerOffCode = "scheduler-off";

    public static IEndpointRouteBuilder MapJobsEndpoints(this IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin/jobs").WithTags("Jobs").RequireAuthorization(AuthPolicies.Admin);
        admin.MapGet("", List);
        admin.MapGet("/{name}/runs", Runs).WithPageLinks();
        admin.MapPost("/{name}/trigger", Trigger);
        return api;
    }

    private static async Task<Ok<List<JobDto>>> List(JobsScheduler jobs, JobRunLog log, CancellationToken ct)
    {
        var planned = await jobs.PlanAsync(ct);
        var scheduler = await jobs.SchedulerAsync(ct);
        var list = new List<JobDto>();
        foreach (var job in JobCatalog.All)
        {
            var schedules = new List<JobScheduleDto>();
            foreach (var trigger in planned.Where(t => t.Job == job.Name))
            {
                var next = scheduler is null ? null : (await scheduler.GetTrigger(JobsScheduler.TriggerKey(trigger), ct))?.NextFireTimeUtc;
                schedules.Add(new JobScheduleDto(trigger.Name, trigger.Cron, trigger.TimeZone, trigger.Exchange, next));
            }

            var last = await log.LastAsync(job.Name, ct);
            var nextRun = schedules.Select(s => s.NextRunUtc).Where(n => n is not null).Min();
            list.Add(new JobDto(job.Name, job.Description, scheduler is not null && schedules.Count > 0, schedules, last is null ? null : ToDto(last), nextRun));
        }

        return TypedResults.Ok(list);
    }

    /// <summary>One page of the job's runs, newest first; <paramref name="limit"/> is the page size's older name.</summary>
    private static async Task<Results<Ok<JobRunPage>, NotFoundProblem, ValidationProblem>> Runs(
        string name, int? page, int? pageSize, int? limit, JobRunLog log, CancellationToken ct)
    {
        if (JobCatalog.Find(name) is null)
        {
            return NotFound(name);
        }

        var (pageNumber, size) = (page ?? 1, pageSize ?? limit ?? 50);
        if (new ValidationErrors().CheckPage(pageNumber, size) is { HasErrors: true } errors)
        {
            return errors.ToProblem();
        }

        var (runs, total) = await log.PageAsync(name, pageNumber, size, ct);
        return TypedResults.Ok(new JobRunPage([.. runs.Select(ToDto)], pageNumber, size, total));
    }

    /// <summary>202: the run is stored as a trigger; whichever node acquires it runs it (watch <c>…/runs</c>).</summary>
    private static async Task<Results<Accepted<JobTriggeredDto>, NotFoundProblem, ConflictProblem>> Trigger(
        string name, JobsScheduler jobs, TimeProvider clock, CancellationToken ct)
    {
        if (JobCatalog.Find(name) is null)
        {
            return NotFound(name);
        }

        if (await jobs.SchedulerAsync(ct) is not { } scheduler)
        {
            return new ConflictProblem(SchedulerOffCode, "The scheduler is off on this server (Jobs:Enabled is false); run the job's command instead, or turn the scheduler on.");
        }

        await JobsScheduler.TriggerAsync(scheduler, name, ct);
        return TypedResults.Accepted($"/api/admin/jobs/{name}/runs", new JobTriggeredDto(name, clock.GetUtcNow()));
    }

    private static NotFoundProblem NotFound(string name) =>
        new(JobNotFoundCode, $"No job '{name}'. The jobs are {string.Join(", ", JobCatalog.All.Select(j => j.Name))}.");

    internal static JobRunDto ToDto(JobRun r) => new(r.Id, r.JobName, r.Instance, r.Trigger, new DateTimeOffset(DateTime.SpecifyKind(r.StartedUtc, DateTimeKind.Utc)), r.DurationMs, r.Outcome, r.Message);
}
