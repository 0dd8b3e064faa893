import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { PlansPage } from './PlansPage';
import { fetchRoutes } from '../test/fetchRoutes';

const h = '11111111-1111-1111-1111-111111111111';
const people = [
  { id: 'p1', householdId: h, name: 'Alex Rivera', birthDate: '1981-04-12', retirementAge: 62, filingStatus: 'MarriedFilingJointly', country: 'US', state: 'CA', notes: null, taxIdMasked: null },
  { id: 'p2', householdId: h, name: 'Sam Rivera', birthDate: '1984-09-30', retirementAge: null, filingStatus: 'MarriedFilingJointly', country: 'US', state: 'CA', notes: null, taxIdMasked: null },
];
const account = (type: string, total: number) => ({ accountId: type, name: type, type, isLiability: false, positions: total, cash: 0, total });
const valuation = {
  date: '2026-12-06', currency: 'USD', assets: 420_000, liabilities: 0, netWorth: 420_000, pricesAsOf: '2026-12-04', stale: false,
  accounts: [account('TaxableBrokerage', 250_000), account('Plan401K', 150_000.4), account('Checking', 20_000)],
  manualItems: [],
};

describe('PlansPage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-06T12:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('starts a new plan from the household: its people, their ages and retirement ages, the investment accounts', async () => {
    const server = fetchRoutes([
      [/^GET \/api\/v1\/households\/[^/]+\/plans$/, () => ({ body: [] })],
      [/^GET \/api\/v1\/households\/[^/]+\/people$/, () => ({ body: people })],
      [/^GET \/api\/v1\/households\/[^/]+\/valuation/, () => ({ body: valuation })],
    ]);
    vi.spyOn(globalThis, 'fetch').mockImplementation(server.fetch);
    const router = createMemoryRouter([{ path: '/households/:householdId/plans', element: <PlansPage /> }], { initialEntries: [`/households/${h}/plans`] });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    expect(await screen.findByLabelText('Person 1 name')).toHaveValue('Alex Rivera');
    expect(screen.getByLabelText('Person 2 name')).toHaveValue('Sam Rivera');
    expect(screen.getAllByLabelText('Age today').map((e) => (e as HTMLInputElement).valueAsNumber)).toEqual([45, 42]);
    expect(screen.getAllByLabelText('Retirement age').map((e) => (e as HTMLInputElement).valueAsNumber)).toEqual([62, 65]);
    expect(screen.getByLabelText('Starting balance')).toHaveValue(400_000.4);
    expect(screen.getByTestId('plan-prefill')).toHaveTextContent('2 investment account(s)');
  });
});
