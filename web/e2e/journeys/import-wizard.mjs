// Journey: the import wizard (issue 26). A statement of "a broker we do not know" — the two files in
// e2e/fixtures/unknown-broker-2024-0*.csv are hand-made on purpose: no preset detects them (day-first dates,
// decimal commas, the broker's own column names and action words) — is mapped column by column, previewed
// through the server's dry run (first with a wrong date format: row errors), imported, and the mapping saved
// for the account; the account's next file is then read with the saved mapping without mapping anything.
import { join } from 'node:path';

/**
 * @param {{
 *   test: (name: string, body: () => Promise<void>, options?: object) => Promise<void>,
 *   page: import('playwright-core').Page,
 *   expectText: (locator: import('playwright-core').Locator, text: string) => Promise<void>,
 *   apiGet: (path: string) => Promise<any>,
 *   apiSend: (method: string, path: string, body?: unknown) => Promise<any>,
 *   householdUrl: string,
 *   fixtures: string,
 * }} t
 */
export async function importWizardJourney({ test, page, expectText, apiGet, apiSend, householdUrl, fixtures }) {
  const householdId = householdUrl.split('/').at(-1);
  /** @type {{ id: string } | null} */
  let account = null;
  const wizard = () => page.getByRole('form', { name: 'Column mapping' });
  const bookedAs = async (/** @type {string} */ word) => wizard().getByLabel(`Book "${word}" as`).inputValue();
  const openImport = async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${householdUrl}/import`);
    await page.getByLabel('Transactions of one account').check();
    await page.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'Unknown Broker' });
  };

  await test('import wizard: a file no preset knows, mapped by hand, previewed with row errors, imported, mapping saved', async () => {
    account = await apiSend('POST', `/api/v1/households/${householdId}/accounts`, { name: 'Unknown Broker', type: 'TaxableBrokerage', baseCurrency: 'USD' });
    await openImport();
    await page.getByLabel('Map the columns myself').check();
    await page.getByLabel('CSV file').setInputFiles(join(fixtures, 'unknown-broker-2024-01.csv'));

    // Guessed from the header: date, symbol, price, amount, fees. The action and quantity columns have names no guess knows.
    const form = wizard();
    if ((await form.getByLabel('Date column').inputValue()) !== 'Booking day') throw new Error('the date column was not guessed');
    await form.getByLabel('Action column').selectOption('What happened');
    await form.getByLabel('Quantity column').selectOption('Pieces');
    await form.getByLabel('Decimal separator').selectOption(',');
    const words = [await bookedAs('Cash in'), await bookedAs('Purchase'), await bookedAs('Custody fee')];
    if (words.join() !== 'Deposit,Buy,Fee') throw new Error(`action words guessed as ${words.join()}`);

    // A wrong date format: the dry run names every row's date and nothing is written.
    await form.getByLabel('Date format').fill('yyyy-MM-dd');
    await form.getByRole('button', { name: 'Preview' }).click();
    await expectText(page.getByTestId('mapping-errors'), 'Booking day');
    await form.getByLabel('Date format').fill('dd.MM.yyyy');
    await form.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('mapping-preview');
    await expectText(preview, 'ACME');
    await expectText(preview, 'Deposit');
    const stored = await apiGet(`/api/v1/households/${householdId}/transactions?accountId=${account?.id}`);
    if (stored.totalCount !== 0) throw new Error(`the preview stored ${stored.totalCount} transaction(s)`);

    await form.getByRole('button', { name: 'Import with this mapping' }).click();
    await expectText(page.getByTestId('import-result'), 'Imported 3 row(s) (mapping layout)');
    await expectText(page.getByTestId('import-result'), 'Mapping saved');
    const saved = await apiGet(`/api/v1/accounts/${account?.id}/import-mapping`);
    if (saved.quantity !== 'Pieces' || saved.decimalSeparator !== ',' || saved.actions.Purchase !== 'Buy') throw new Error(`saved ${JSON.stringify(saved)}`);
  }, { expect: [{ url: /imports\/transactions/, status: 422 }], shot: 'import-wizard-mapped' });

  await test('import wizard: the account\'s next file reuses the saved mapping', async () => {
    await openImport();
    // The account has a saved mapping: once the page has read it, the page maps with it without being asked.
    await page.getByText('this account has a saved mapping').waitFor();
    if (!(await page.getByLabel('Map the columns myself').isChecked())) throw new Error('the saved mapping was not chosen for the account');
    await page.getByLabel('CSV file').setInputFiles(join(fixtures, 'unknown-broker-2024-02.csv'));
    await expectText(page.getByTestId('mapping-reused'), 'Using the mapping saved for this account');
    const form = wizard();
    if ((await form.getByLabel('Quantity column').inputValue()) !== 'Pieces') throw new Error('the saved quantity column was not reused');
    // "Purchase" comes from the saved mapping; "Dividend" is new in this file and guessed for the user to check.
    if ((await bookedAs('Purchase')) !== 'Buy' || (await bookedAs('Dividend')) !== 'Dividend') throw new Error('the saved action words were not reused');
    await form.getByRole('button', { name: 'Import with this mapping' }).click();
    await expectText(page.getByTestId('import-result'), 'Imported 2 row(s) (mapping layout)');
    const stored = await apiGet(`/api/v1/households/${householdId}/transactions?accountId=${account?.id}`);
    if (stored.totalCount !== 5) throw new Error(`the account holds ${stored.totalCount} transactions, expected 3 + 2`);
    // ACME is now the household's own instrument, with no close: until it has one the household cannot be valued
    // (422 missing-price on every later page). Its closes here are the statement's own prices, as a user would enter them.
    await apiSend('POST', `/api/v1/households/${householdId}/imports/prices?symbol=ACME`, 'Date,Open,High,Low,Close,Volume\n2024-01-16,140.50,140.50,140.50,140.50,0\n2024-02-01,150.00,150.00,150.00,150.00,0\n');
    const valuation = await apiGet(`/api/v1/households/${householdId}/valuation`);
    if (!valuation) throw new Error('the household is still not valued');
  }, { shot: 'import-wizard-reused' });
}
