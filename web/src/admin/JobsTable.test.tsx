import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { JobsTable, type Job } from './JobsTable';

const job = (name: string, extra: Partial<Job> = {}): Job => ({
  name,
  description: `${name} does its work`,
  scheduled: true,
  schedules: [],
  lastRun: null,
  nextRunUtc: null,
  ...extra,
});

describe('JobsTable', () => {
  it('shows each trigger, the last run and its outcome, and triggers the job of its row', async () => {
    const onTrigger = vi.fn();
    const onShowRuns = vi.fn();
    render(
      <JobsTable
        jobs={[
          job('price-refresh', {
            schedules: [
              { trigger: 'price-refresh.NYSE', cron: '0 0 17 ? * MON-FRI', timeZone: 'America/New_York', exchange: 'NYSE', nextRunUtc: '2026-12-07T22:00:00Z' },
              { trigger: 'price-refresh.XETRA', cron: '0 0 18 ? * MON-FRI', timeZone: 'Europe/Berlin', exchange: 'XETRA', nextRunUtc: '2026-12-07T17:00:00Z' },
            ],
          }),
          job('retention', {
            lastRun: { id: '1', job: 'retention', instance: 'node-a', trigger: 'manual', startedUtc: '2026-12-06T03:30:00Z', durationMs: 1500, outcome: 'failed', message: 'database gone' },
          }),
        ]}
        onTrigger={onTrigger}
        onShowRuns={onShowRuns}
      />,
    );
    const [, priceRow, retentionRow, ...rest] = within(screen.getByTestId('jobs-table')).getAllByRole('row');
    expect(rest).toHaveLength(0);
    if (!priceRow || !retentionRow) throw new Error('two job rows expected');
    expect(priceRow).toHaveTextContent('NYSE: 0 0 17 ? * MON-FRI America/New_York');
    expect(priceRow).toHaveTextContent('XETRA: 0 0 18 ? * MON-FRI Europe/Berlin');
    expect(within(priceRow).getByTestId('job-outcome')).toHaveTextContent('never run');
    expect(within(retentionRow).getByTestId('job-outcome')).toHaveTextContent('failed');
    expect(within(retentionRow).getByTestId('job-outcome')).toHaveAttribute('title', 'database gone');
    expect(retentionRow).toHaveTextContent('1.5 s');

    await userEvent.click(screen.getByRole('button', { name: 'Trigger retention' }));
    await userEvent.click(screen.getByRole('button', { name: 'price-refresh' }));
    expect(onTrigger).toHaveBeenCalledWith('retention');
    expect(onShowRuns).toHaveBeenCalledWith('price-refresh');
  });
});
