import type { ReactElement } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BudgetsPage } from './BudgetsPage';
import { CashFlowPage } from './CashFlowPage';
import { fetchRoutes, type Route } from '../test/fetchRoutes';

const h = '11111111-1111-1111-1111-111111111111';
const categories = [
  { id: 'food', parentId: null, name: 'Food', path: 'Food', kind: 'Expense' },
  { id: 'groceries', parentId: 'food', name: 'Groceries', path: 'Food/Groceries', kind: 'Expense' },
  { id: 'income', parentId: null, name: 'Income', path: 'Income', kind: 'Income' },
];
const line = (path: string, id: string, n: Partial<Record<string, number | boolean | null>>) => ({
  budgetId: `b-${id}`, categoryId: id, categoryPath: path, rollover: true, startMonth: '2024-01',
  budgeted: 400, carriedIn: 150, available: 550, spent: 470, remaining: 80, progress: 0.8545, ...n,
});
const february = {
  month: '2024-02', currency: 'USD',
  lines: [line('Food', 'food', {}), line('Transport/Fuel', 'fuel', { rollover: false, budgeted: 100, carriedIn: 0, available: 100, spent: 130, remaining: -30, progress: 1.3 })],
  totalBudgeted: 500, totalAvailable: 650, totalSpent: 600, totalRemaining: 50, unbudgetedSpending: 50, unconverted: [], fxOverrides: [],
};

function renderPage(element: ReactElement, path: string, routes: Route[]) {
  const server = fetchRoutes(routes);
  vi.spyOn(globalThis, 'fetch').mockImplementation(server.fetch);
  const router = createMemoryRouter([{ path: `/households/:householdId/${path}`, element }], { initialEntries: [`/households/${h}/${path}`] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return server;
}

describe('BudgetsPage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows each budget of the chosen month with its progress, over budget in words', async () => {
    const server = renderPage(<BudgetsPage />, 'budgets', [
      [/budgets\/months\/2024-02$/, () => ({ body: february })],
      [/budgets\/months\//, () => ({ body: { ...february, month: 'x', lines: [] } })],
      [/categories$/, () => ({ body: categories })],
    ]);
    const month = screen.getByLabelText('Month');
    await userEvent.clear(month);
    await userEvent.type(month, '2024-02');
    const food = (await screen.findAllByTestId('budget-line'))[0]!;
    expect(within(food).getByTestId('budget-spent')).toHaveTextContent('$470.00 of $550.00');
    expect(within(food).getByTestId('budget-remaining')).toHaveTextContent('$80.00 left');
    expect(within(food).getByRole('progressbar', { name: 'Food spent' })).toHaveAttribute('aria-valuenow', '85');
    expect(food).toHaveTextContent('$150.00 carried in');
    const fuel = screen.getAllByTestId('budget-line')[1]!;
    expect(within(fuel).getByTestId('budget-remaining')).toHaveTextContent('$30.00 over');
    expect(within(fuel).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    expect(server.calls.some((c) => c.url.endsWith('/budgets/months/2024-02'))).toBe(true);
  });

  it('sets a budget for an expense category from the chosen month, and toggles rollover', async () => {
    const server = renderPage(<BudgetsPage />, 'budgets', [
      [/^PUT .*\/budgets\/[^/]+$/, (c) => ({ body: { id: 'b', categoryId: 'food', categoryPath: 'Food', currency: 'USD', ...JSON.parse(c.body ?? '{}') } })],
      [/budgets\/months\//, () => ({ body: february })],
      [/categories$/, () => ({ body: categories })],
    ]);
    const form = screen.getByRole('form', { name: 'Set a budget' });
    await screen.findAllByTestId('budget-line');
    const select = within(form).getByLabelText('Category');
    expect(within(select).queryByText('Income')).toBeNull();   // income is no budget category
    await userEvent.selectOptions(select, 'Food/Groceries');
    await userEvent.type(within(form).getByLabelText('Amount a month'), '250.50');
    await userEvent.click(within(form).getByRole('button', { name: /Save budget from/ }));
    const put = await vi.waitFor(() => {
      const call = server.calls.find((c) => c.method === 'PUT' && c.url.endsWith('/budgets/groceries'));
      if (!call) throw new Error('no PUT yet');
      return call;
    });
    expect(JSON.parse(put.body!)).toMatchObject({ amount: 250.5, rollover: false });

    await userEvent.click(screen.getByLabelText('Roll over Transport/Fuel'));
    const toggle = await vi.waitFor(() => {
      const call = server.calls.find((c) => c.method === 'PUT' && c.url.endsWith('/budgets/fuel'));
      if (!call) throw new Error('no PUT yet');
      return call;
    });
    expect(JSON.parse(toggle.body!)).toEqual({ amount: 100, rollover: true, startMonth: '2024-01' });
  });
});

describe('MonthFxRates', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists the rates fixed for the month, fixes one and removes one', async () => {
    const withRate = { ...february, fxOverrides: [{ month: '2024-02', currency: 'GBP', reportingCurrency: 'USD', rate: 1.27 }] };
    const server = renderPage(<BudgetsPage />, 'budgets', [
      [/^PUT .*\/fx-rates\/EUR$/, (c) => ({ body: { month: '2024-02', currency: 'EUR', reportingCurrency: 'USD', ...JSON.parse(c.body ?? '{}') } })],
      [/^DELETE .*\/fx-rates\/GBP$/, () => ({ status: 204 })],
      [/budgets\/months\//, () => ({ body: withRate })],
      [/categories$/, () => ({ body: categories })],
    ]);
    const rates = await screen.findByTestId('month-fx-rates');
    expect(within(rates).getByRole('list', { name: 'FX rates fixed for 2024-02' })).toHaveTextContent('1 GBP = 1.27 USD');
    const form = within(rates).getByRole('form', { name: 'Fix an FX rate for the month' });
    const save = within(form).getByRole('button', { name: 'Fix the rate for 2024-02' });
    await userEvent.type(within(form).getByLabelText('Currency'), 'usd');
    await userEvent.type(within(form).getByLabelText('Rate'), '1');
    expect(save).toBeDisabled();   // the reporting currency itself needs no rate
    await userEvent.clear(within(form).getByLabelText('Currency'));
    await userEvent.type(within(form).getByLabelText('Currency'), 'eur');
    await userEvent.clear(within(form).getByLabelText('Rate'));
    await userEvent.type(within(form).getByLabelText('Rate'), '1.085');
    await userEvent.click(save);
    const put = await vi.waitFor(() => {
      const call = server.calls.find((c) => c.method === 'PUT');
      if (!call) throw new Error('no PUT yet');
      return call;
    });
    expect(put.url).toMatch(/\/budgets\/months\/2024-02\/fx-rates\/EUR$/);
    expect(JSON.parse(put.body!)).toEqual({ rate: 1.085 });

    await userEvent.click(within(rates).getByRole('button', { name: 'Remove the GBP rate' }));
    await vi.waitFor(() => {
      if (!server.calls.some((c) => c.method === 'DELETE' && c.url.endsWith('/fx-rates/GBP'))) throw new Error('no DELETE yet');
    });
  });
});

describe('CashFlowPage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the months, the spending by category and the top payees', async () => {
    const report = {
      from: '2024-01-01', to: '2024-03-31', currency: 'USD',
      months: [
        { month: '2024-01', income: 3000, expense: 330, net: 2670, uncategorised: 0, incomeChange: null, expenseChange: null, expenseChangePercent: null },
        { month: '2024-02', income: 0, expense: 650, net: -650, uncategorised: 0, incomeChange: -3000, expenseChange: 320, expenseChangePercent: 96.97 },
      ],
      totalIncome: 3000, totalExpense: 980, totalNet: 2020,
      spendingByCategory: [{ categoryId: 'g', categoryPath: 'Food/Groceries', topLevel: 'Food', amount: 820, share: 0.8367, entries: 5 }],
      topPayees: [{ payee: 'Tesco', amount: 550, entries: 3 }],
      unconverted: [],
    };
    const server = renderPage(<CashFlowPage />, 'cash-flow', [[/cash-flow\?/, () => ({ body: report })]]);
    const months = await screen.findAllByTestId('cash-flow-month');
    expect(months.map((m) => m.textContent)).toEqual([
      '2024-01$3,000.00$330.00$2,670.00—$0.00',
      '2024-02$0.00$650.00-$650.00+$320.00 (+97.0%)$0.00',
    ]);
    expect(screen.getByTestId('spending-row')).toHaveTextContent('Food/Groceries$820.0083.7%');
    expect(screen.getByTestId('payee-row')).toHaveTextContent('Tesco × 3$550.00');
    expect(screen.getByTestId('cash-flow-totals')).toHaveTextContent('Net$2,020.00');
    const asked = new URL(server.calls.find((c) => c.url.includes('cash-flow'))!.url, 'http://x').searchParams;
    expect(asked.get('to')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(asked.get('from')).toMatch(/^\d{4}-\d{2}-01$/);
  });
});
