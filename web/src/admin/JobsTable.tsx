import type { components } from '../api/schema';

export type Job = components['schemas']['JobDto'];

const when = (utc: string | null | undefined) => (utc ? new Date(utc).toLocaleString() : '—');

const duration = (ms: number | string | null | undefined) => (ms === null || ms === undefined ? '—' : `${(Number(ms) / 1000).toFixed(1)} s`);

/** The scheduled jobs: schedule (cron and time zone per trigger), last run, its duration and outcome, next run, and a Trigger button. */
export function JobsTable({ jobs, onTrigger, onShowRuns, triggering }: { jobs: Job[]; onTrigger: (name: string) => void; onShowRuns: (name: string) => void; triggering?: string | null }) {
  return (
    <table className="table" data-testid="jobs-table">
      <thead>
        <tr>
          <th scope="col">Job</th>
          <th scope="col">Schedule</th>
          <th scope="col">Last run</th>
          <th scope="col" className="num">
            Duration
          </th>
          <th scope="col">Outcome</th>
          <th scope="col">Next run</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.name} data-job={job.name}>
            <td>
              <button type="button" className="text-brand-700 underline" onClick={() => onShowRuns(job.name)}>
                {job.name}
              </button>
              <p className="text-xs text-slate-600">{job.description}</p>
            </td>
            <td className="text-xs">
              {job.schedules.length === 0
                ? 'Not scheduled'
                : job.schedules.map((s) => (
                    <div key={s.trigger}>
                      {s.exchange ? `${s.exchange}: ` : ''}
                      <code>{s.cron}</code> {s.timeZone}
                    </div>
                  ))}
            </td>
            <td>{when(job.lastRun?.startedUtc)}</td>
            <td className="num">{duration(job.lastRun?.durationMs)}</td>
            <td title={job.lastRun?.message ?? undefined} data-testid="job-outcome">
              {job.lastRun?.outcome ?? 'never run'}
            </td>
            <td>{when(job.nextRunUtc)}</td>
            <td>
              <button type="button" className="btn" onClick={() => onTrigger(job.name)} disabled={triggering === job.name} aria-label={`Trigger ${job.name}`}>
                Trigger
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
