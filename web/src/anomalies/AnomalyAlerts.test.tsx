import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AnomalyAlerts } from './AnomalyAlerts';
import type { Anomaly } from './queries';
import { fetchRoutes } from '../test/fetchRoutes';

const spike: Anomaly = {
  id: 'a1', seriesKind: 'spending', seriesKey: 'c1', series: 'Food/Groceries', date: '2026-06-20', value: 900, typical: 51.99,
  score: 110.42, threshold: 5.5, method: 'rolling-mad', currency: 'USD', detectedUtc: '2026-06-30T02:30:00Z', dismissedUtc: null,
};
const drop: Anomaly = { ...spike, id: 'a2', seriesKind: 'returns', seriesKey: 'portfolio', series: 'Portfolio', value: -0.0843, typical: 0.0005, score: 1000 };

function renderAlerts(anomalies: Anomaly[], readOnly = false) {
  const server = fetchRoutes([
    [/^POST \/api\/v1\/households\/h1\/anomalies\/a1\/dismiss$/, () => ({ body: { ...spike, dismissedUtc: '2026-07-01T00:00:00Z' } })],
    [/^POST \/api\/v1\/households\/h1\/anomalies\/scan$/, () => ({ body: { asOf: '2026-07-01', from: '2026-06-01', series: 2, detected: [], returnsUnavailable: null } })],
  ]);
  vi.spyOn(globalThis, 'fetch').mockImplementation(server.fetch);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AnomalyAlerts householdId="h1" anomalies={anomalies} readOnly={readOnly} />
    </QueryClientProvider>,
  );
  return server;
}

describe('AnomalyAlerts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows each unusual day with its series, value against typical and score, and dismisses one', async () => {
    const server = renderAlerts([spike, drop]);
    const [first, second] = screen.getAllByTestId('anomaly-alert');
    expect(first).toHaveTextContent('Spending: Food/Groceries');
    expect(first).toHaveTextContent('typically');
    expect(first).toHaveTextContent('score 110.4, threshold 5.5');
    expect(second).toHaveTextContent('Portfolio return');
    expect(second).toHaveTextContent('its history had no spread');
    const user = userEvent.setup({ delay: null });
    await user.click(within(first!).getByRole('button', { name: 'Dismiss' }));
    await vi.waitFor(() => expect(server.calls.some((c) => c.method === 'POST' && c.url.endsWith('/anomalies/a1/dismiss'))).toBe(true));
  });

  it('names a charge booked twice by its payee and amount', () => {
    const twice: Anomaly = { ...spike, id: 'a3', seriesKind: 'duplicate-charge', seriesKey: 't2', series: 'Netflix', value: 15.49, typical: 15.49, score: 0, threshold: 0, method: 'duplicate-charge' };
    renderAlerts([twice]);
    const alert = screen.getByTestId('anomaly-alert');
    expect(alert).toHaveTextContent('Charged twice: Netflix');
    expect(alert).toHaveTextContent('$15.49 twice from one account');
    expect(alert).toHaveTextContent('same payee, amount and day');
    expect(alert).not.toHaveTextContent('typically');
  });

  it('says clearly when there is nothing unusual, and scans on request', async () => {
    const server = renderAlerts([]);
    expect(screen.getByTestId('anomalies-none')).toHaveTextContent('No unusual days in your returns or spending.');
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Scan for unusual days now' }));
    expect(await screen.findByTestId('anomaly-scan-result')).toHaveTextContent('Nothing new.');
    expect(server.calls.some((c) => c.method === 'POST' && c.url.endsWith('/anomalies/scan'))).toBe(true);
  });

  it('has no buttons for a read-only viewer', () => {
    renderAlerts([spike], true);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
