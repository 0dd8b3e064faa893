import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ImportPage } from '../pages/ImportPage';
import { fetchRoutes } from '../test/fetchRoutes';

const h = '11111111-1111-1111-1111-111111111111';
// A broker no preset knows (hand-made), and the mapping the account saved for its last file.
const csv = 'Booking day,What happened,Ticker,Pieces,Unit price,Cash\n01.02.2024,Purchase,ACME,2,"150,00","-300,00"\n15.02.2024,Dividend,ACME,,,"3,60"\n';
const saved = {
  date: 'Booking day', action: 'What happened', symbol: 'Ticker', quantity: 'Pieces', price: 'Unit price', amount: 'Cash',
  dateFormat: 'dd.MM.yyyy', decimalSeparator: ',', actions: { Purchase: 'Buy', 'Cash in': 'Deposit' },
};

describe('MappingWizard on the import page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads an account\'s next file with its saved mapping, sends it with the file, and saves it again', async () => {
    const server = fetchRoutes([
      [/accounts$/, () => ({ body: [{ id: 'a1', name: 'Unknown Broker', baseCurrency: 'USD' }] })],
      [/^GET \/api\/v1\/accounts\/a1\/import-mapping/, () => ({ body: saved })],
      [/^PUT \/api\/v1\/accounts\/a1\/import-mapping/, (c) => ({ body: JSON.parse(c.body ?? '{}') })],
    ]);
    const uploads: string[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      // jsdom cannot read a multipart body back; the upload's URL is enough here, the mapping is checked in the PUT.
      if (input instanceof Request && input.method === 'POST' && input.url.includes('imports/transactions')) {
        uploads.push(input.url);
        return new Response(JSON.stringify({ layout: 'mapping', imported: 2, duplicatesSkipped: 0, createdInstruments: [], skipped: [], unmapped: [], preview: [] }), { headers: { 'Content-Type': 'application/json' } });
      }
      return server.fetch(input, init);
    });
    const router = createMemoryRouter([{ path: '/households/:householdId/import', element: <ImportPage /> }], { initialEntries: [`/households/${h}/import`] });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    const user = userEvent.setup({ delay: null });
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Account' }), (await screen.findAllByRole('option', { name: 'Unknown Broker' }))[0]!);
    await user.upload(screen.getByLabelText('CSV file'), Object.assign(new File([csv], 'feb.csv', { type: 'text/csv' }), { text: async () => csv }));

    expect(await screen.findByTestId('mapping-reused')).toHaveTextContent('Using the mapping saved for this account');
    const form = screen.getByRole('form', { name: 'Column mapping' });
    expect(within(form).getByLabelText('Quantity column')).toHaveValue('Pieces');
    expect(within(form).getByLabelText('Book "Purchase" as')).toHaveValue('Buy');
    // Not in the saved mapping: guessed, for the user to check.
    expect(within(form).getByLabelText('Book "Dividend" as')).toHaveValue('Dividend');

    await user.click(within(form).getByRole('button', { name: 'Import with this mapping' }));
    expect(await screen.findByTestId('import-result', {}, { timeout: 5000 })).toHaveTextContent('Imported 2 row(s) (mapping layout)');
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toContain('accountId=a1');
    const put = server.calls.find((c) => c.method === 'PUT')!;
    expect(JSON.parse(put.body!)).toEqual({ ...saved, actions: { Purchase: 'Buy', Dividend: 'Dividend' } });
  });
});
