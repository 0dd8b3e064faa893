namespace Glidepath.Server.Jobs;

/// <param name="Schedules">The job's triggers now (empty when it is switched off or the scheduler is off).</param>
/// <param name="NextRunUtc">The earliest next firing of its triggers; null without a running scheduler.</param>
public sealed record JobDto(string Name, string Description, bool Scheduled, IReadOnlyList<JobScheduleDto> Schedules, JobRunDto? LastRun, DateTimeOffset? NextRunUtc);

/// <param name="Exchange">For the price refresh: the exchange whose instruments this trigger refreshes.</param>
public sealed record JobScheduleDto(string Trigger, string Cron, string TimeZone, string? Exchange, DateTimeOffset? NextRunUtc);

/// <param name="Outcome"><c>running</c>, <c>succeeded</c> or <c>failed</c>.</param>
/// <param name="Trigger">The trigger that fired it, or <c>manual</c>.</param>
public sealed record JobRunDto(Guid Id, string Job, string Instance, string Trigger, DateTimeOffset StartedUtc, long? DurationMs, string Outcome, string? Message);

public sealed record JobRunPage(IReadOnlyList<JobRunDto> Items, int Page, int PageSize, int TotalCount) : Api.IPage;

public sealed record JobTriggeredDto(string Job, DateTimeOffset RequestedUtc);
