// CSV import: prices, a bad transactions file rejected whole, then the good one.
import { join } from 'node:path';
import { e2e } from '../kit.mjs';

e2e('import prices', { shot: 'import-prices' }, async ({ page, state, expectText, fixtures }) => {
  await page.goto(`${state.householdUrl}/import`);
  await page.getByLabel('Daily prices').check();
  await page.getByLabel('CSV file').setInputFiles(join(fixtures, 'prices.csv'));
  await expectText(page.getByTestId('import-preview'), '2024-06-28');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  // Wide layout: five symbols on three days (hand-made fixture prices, not market data).
  await expectText(page.getByTestId('import-result'), 'Imported 15 row(s)');
});

e2e('a bad transactions file shows its row errors and imports nothing', { expect: [{ url: /imports\/transactions/, status: 422 }], shot: 'import-errors' }, async ({ page, state, expectText, apiGet, fixtures }) => {
  await page.getByLabel('Transactions of one account').check();
  await page.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'Brokerage' });
  await page.getByLabel('CSV file').setInputFiles(join(fixtures, 'transactions-bad.csv'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expectText(page.getByRole('alert'), 'Nothing was imported');
  const rows = await page.getByTestId('import-errors').locator('tbody tr').count();
  if (rows < 2) throw new Error(`expected an error for each of the two bad rows, got ${rows}`);
  // Nothing may have been stored: the server says so, and so does the ledger.
  const id = state.householdUrl.split('/').at(-1);
  const tx = await apiGet(`/api/v1/households/${id}/transactions`);
  if (tx.totalCount !== 0) throw new Error(`a rejected file stored ${tx.totalCount} transaction(s)`);
});

e2e('import transactions', { shot: 'import-transactions' }, async ({ page, expectText, fixtures }) => {
  await page.getByLabel('CSV file').setInputFiles(join(fixtures, 'transactions.csv'));
  await expectText(page.getByTestId('import-preview'), 'Opening deposit');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expectText(page.getByTestId('import-result'), 'Imported 3 row(s)');
});
