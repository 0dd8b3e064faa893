import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RecommendationsCard } from './RecommendationsCard';
import { fetchRoutes } from '../test/fetchRoutes';

const advisorView = vi.hoisted(() => ({ client: undefined as undefined | { householdId: string; name: string } }));
vi.mock('../advisor/queries', () => ({ useClientHousehold: () => ({ client: advisorView.client, pending: false }) }));

const item = (key: string, title: string, effect: object, article: string | null = null) => ({
  key, kind: key, rank: 1, title, explanation: `Because of ${key}.`, data: {}, effect, article, status: 'Open', reason: null, decidedUtc: null,
});
const list = {
  asOf: '2026-12-07', currency: 'USD', dismissed: 0,
  items: [
    item('emergency-fund', 'Build an emergency fund', { amount: 125 }, 'emergency-fund'),
    item('save-more:p1', 'Save 444 more a month', { amount: 444, successProbabilityChange: 0.1286 }, 'monte-carlo-success-probability'),
    item('fee-drag:a1', 'Cut the fees in IRA', { feesSaved: 75 }, 'fees'),
    item('cash-drag', 'Invest idle cash', { amount: 10 }),
  ],
};

function renderCard() {
  const server = fetchRoutes([
    [/^GET \/api\/v1\/households\/h1\/recommendations$/, () => ({ body: list })],
    [/^POST \/api\/v1\/households\/h1\/recommendations\/emergency-fund\/decision$/, (c) => ({ body: { ...list.items[0], status: 'Dismissed', reason: JSON.parse(c.body ?? '{}').reason } })],
  ]);
  vi.spyOn(globalThis, 'fetch').mockImplementation(server.fetch);
  const router = createMemoryRouter([{ path: '/', element: <RecommendationsCard householdId="h1" /> }]);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return server;
}

describe('RecommendationsCard', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    advisorView.client = undefined;
  });

  it('shows the top three with effect and article, and dismisses one with its reason', async () => {
    const server = renderCard();
    const items = await screen.findAllByTestId('recommendation');
    expect(items).toHaveLength(3);
    const [fund, save, fees] = [items[0]!, items[1]!, items[2]!];
    expect(screen.getByText('1 more not shown.')).toBeInTheDocument();
    expect(save).toHaveTextContent('success +12.9 pts');
    expect(within(fees).getByRole('link', { name: 'Learn why' })).toHaveAttribute('href', '/learn/fees');

    const user = userEvent.setup({ delay: null });
    await user.click(within(fund).getByRole('button', { name: 'Dismiss…' }));
    await user.type(within(fund).getByLabelText('Why dismiss it?'), 'Cash is in a money market fund.');
    await user.click(within(fund).getByRole('button', { name: 'Dismiss' }));
    await vi.waitFor(() => expect(server.calls.some((c) => c.method === 'POST')).toBe(true));
    const post = server.calls.find((c) => c.method === 'POST')!;
    expect(JSON.parse(post.body ?? '{}')).toEqual({ status: 'Dismissed', reason: 'Cash is in a money market fund.' });
  });

  it("shows a granted advisor the same list without the household's buttons", async () => {
    advisorView.client = { householdId: 'h1', name: 'Client' };
    renderCard();
    const items = await screen.findAllByTestId('recommendation');
    expect(items).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Dismiss…' })).not.toBeInTheDocument();
  });
});
