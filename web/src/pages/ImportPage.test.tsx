import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ImportPage } from './ImportPage';
import { fetchRoutes } from '../test/fetchRoutes';

const h = '11111111-1111-1111-1111-111111111111';
const csv = 'Date,Type,Symbol,Quantity,Price,Amount\n2024-01-02,Deposit,,,,1000\n2024-01-03,Buy,VTI,x,200,\n2024-01-04,Buy,BND,5,72,\n';

describe('ImportPage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('marks the row the server names, counting the header as row 1 like the error list', async () => {
    const server = fetchRoutes([
      [/accounts$/, () => ({ body: [{ id: 'a1', name: 'Brokerage', baseCurrency: 'USD' }] })],
      [
        /imports\/transactions/,
        // The second data row is the file's third record: the server calls it row 3.
        () => ({ status: 422, body: { status: 422, title: 'Rejected', code: 'import-rejected', errors: [{ code: 'bad-number', row: 3, column: 'Quantity', message: 'Not a number' }] } }),
      ],
    ]);
    vi.spyOn(globalThis, 'fetch').mockImplementation(server.fetch);
    const router = createMemoryRouter([{ path: '/households/:householdId/import', element: <ImportPage /> }], { initialEntries: [`/households/${h}/import`] });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    const user = userEvent.setup({ delay: null });
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Account' }), (await screen.findAllByRole('option', { name: 'Brokerage' }))[0]!);
    // jsdom's File has no text(); the browser's does.
    await user.upload(screen.getByLabelText('CSV file'), Object.assign(new File([csv], 'tx.csv', { type: 'text/csv' }), { text: async () => csv }));
    const preview = await screen.findByTestId('import-preview');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const errors = await screen.findByTestId('import-errors');
    expect(within(errors).getAllByRole('row')[1]).toHaveTextContent('3Quantity');

    const rows = within(preview).getAllByRole('row').slice(1);
    const marked = rows.filter((r) => r.getAttribute('aria-invalid') === 'true');
    expect(marked).toHaveLength(1);
    // The marked row is the VTI buy with the bad quantity, and its Row cell says 3 like the error list.
    expect(marked[0]).toHaveTextContent('VTI');
    expect(within(marked[0]!).getAllByRole('cell')[0]).toHaveTextContent(/^3$/);
  });
});
