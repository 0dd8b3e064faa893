import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { TaxPage } from './TaxPage';
import { fetchRoutes } from '../test/fetchRoutes';

const h = '11111111-1111-1111-1111-111111111111';
const account = { id: 'a1', name: 'Brokerage', baseCurrency: 'USD' };
const instruments = [
  { id: 'bnd', symbol: 'BND' },
  { id: 'vti', symbol: 'VTI' },
  { id: 'vxus', symbol: 'VXUS' },
];
const yearBody = (year: number) => ({
  year,
  shortTermGain: -20,
  longTermGain: 0,
  disallowedLoss: 20,
  reportableGain: 0,
  taxAdvantaged: { shortTermGain: 0, longTermGain: 0, disallowedLoss: 0, reportableGain: 0 },
  gains: [
    {
      accountId: 'a1', instrumentId: 'bnd', symbol: 'BND', saleTransactionId: 's1', lotId: 'l1', acquiredDate: `${year}-01-04`, soldDate: `${year}-03-01`,
      quantity: 10, proceeds: 700, costBasis: 720, gain: -20, term: 'ShortTerm', disallowedLoss: 20, holdingPeriodStart: null, code: 'W', taxable: true,
    },
  ],
});
const scan = {
  opportunities: [{ accountId: 'a1', instrumentId: 'bnd', quantity: 20, price: 71, lots: [], loss: 25, replacementId: 'vti', estimatedSaving: 4.5, reason: 'Harvest a 25.00 loss on BND' }],
  blocked: [{ accountId: 'a1', instrumentId: 'vxus', loss: 300, reason: 'It or an identical security was acquired in the last 30 days.' }],
  swapBacks: [],
};

function renderTax(search = '') {
  const server = fetchRoutes([
    [/realized-gains\?year=/, (c) => ({ body: yearBody(Number(new URL(c.url, 'http://x').searchParams.get('year'))) })],
    [/tax-loss-opportunities/, () => ({ body: scan })],
    [/accounts$/, () => ({ body: [account] })],
    [/^GET \/api\/v1\/instruments/, () => ({ body: { items: instruments, page: 1, pageSize: 1000, totalCount: instruments.length } })],
    [/^GET \/api\/v1\/households\/[^/]+$/, () => ({ body: { id: h, name: 'Test', reportingCurrency: 'USD', createdUtc: '2024-01-01T00:00:00Z', version: 1 } })],
  ]);
  vi.spyOn(globalThis, 'fetch').mockImplementation(server.fetch);
  const router = createMemoryRouter([{ path: '/households/:householdId/tax', element: <TaxPage /> }], { initialEntries: [`/households/${h}/tax${search}`] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return server;
}

const yearsAsked = (calls: { url: string }[]) => calls.filter((c) => c.url.includes('realized-gains')).map((c) => new URL(c.url, 'http://x').searchParams.get('year'));

describe('TaxPage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks for a tax year only once all four digits are typed', async () => {
    const server = renderTax();
    const current = String(new Date().getUTCFullYear());
    await screen.findByTestId('gains-table');
    const input = screen.getByLabelText('Tax year');
    const user = userEvent.setup({ delay: null });
    await user.clear(input);
    await user.type(input, '202');
    expect(input).not.toHaveAttribute('aria-invalid', 'true');
    await user.type(input, '3');
    await screen.findByText('Mar 1, 2023');
    await user.clear(input);
    await user.type(input, '1899');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('A year from 1900 to 9998')).toBeInTheDocument();
    expect(yearsAsked(server.calls)).toEqual([current, '2023']);
  });

  it('keeps letters out of the tax year', async () => {
    const server = renderTax();
    await screen.findByTestId('gains-table');
    const input = screen.getByLabelText('Tax year');
    const user = userEvent.setup({ delay: null });
    await user.clear(input);
    await user.type(input, '2a0b2c2');
    expect(input).toHaveValue('2022');
    await screen.findByText('Mar 1, 2022');
    expect(yearsAsked(server.calls)).toContain('2022');
  });

  it('opens the year named in the address', async () => {
    const server = renderTax('?year=2021');
    await screen.findByText('Mar 1, 2021');
    expect(screen.getByLabelText('Tax year')).toHaveValue('2021');
    expect(yearsAsked(server.calls)).toEqual(['2021']);
  });

  it('shows the wash-sale column, the opportunities with savings and replacement, and why others are blocked', async () => {
    renderTax();
    const gains = await screen.findByTestId('gains-table');
    const row = within(gains).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('W $20.00');
    expect(within(screen.getByTestId('gains-summary')).getByText('$20.00')).toBeInTheDocument();

    const harvest = await screen.findByTestId('harvest-table');
    const opportunity = within(harvest).getAllByRole('row')[1]!;
    expect(opportunity).toHaveTextContent('BND');
    expect(opportunity).toHaveTextContent('$25.00');
    expect(opportunity).toHaveTextContent('$4.50');
    expect(opportunity).toHaveTextContent('VTI');
    expect(screen.getByTestId('harvest-blocked')).toHaveTextContent('VXUS in Brokerage: a $300.00 loss. It or an identical security was acquired in the last 30 days.');
  });
});
