// Net worth by hand: manual assets and liabilities with a balance history, and exchange rates
// entered by the household before its reporting currency changes. Run by e2e/specs/17-net-worth.spec.mjs once the
// household has its brokerage account and transactions (USD).
import { join } from 'node:path';

/**
 * @param {{
 *   test: (name: string, body: () => Promise<void>, options?: object) => Promise<void>,
 *   page: import('playwright-core').Page,
 *   expectText: (locator: import('playwright-core').Locator, text: string) => Promise<void>,
 *   apiGet: (path: string) => Promise<any>,
 *   householdUrl: string,
 *   fixtures: string,
 * }} t
 */
export async function netWorthJourney({ test, page, expectText, apiGet, householdUrl, fixtures }) {
  const householdId = householdUrl.split('/').pop();
  const addForm = () => page.getByRole('form', { name: 'Add an asset or liability' });
  const item = (/** @type {string} */ name) => page.getByTestId('manual-asset').filter({ hasText: name });
  // The settings form re-renders with the saved household, so the server is asked rather than the page.
  const currencyBecomes = async (/** @type {string} */ code) => {
    for (let i = 0; i < 60; i++) {
      if ((await apiGet(`/api/v1/households/${householdId}`)).reportingCurrency === code) return;
      await page.waitForTimeout(500);
    }
    throw new Error(`the reporting currency did not become ${code}`);
  };

  await test('net worth: a home and a mortgage with its balance history', async () => {
    await page.goto(`${householdUrl}/net-worth`);
    await page.getByRole('heading', { name: 'Net worth', level: 1 }).waitFor();
    await addForm().getByRole('button', { name: 'Add' }).click();
    await expectText(addForm().locator('.field-error'), 'A name is required.');

    await addForm().getByLabel('Name').fill('Home');
    await addForm().getByLabel('Value').fill('350000');
    await addForm().getByLabel('As of').fill('2026-01-01');
    await addForm().getByRole('button', { name: 'Add' }).click();
    await expectText(item('Home').getByTestId('manual-asset-latest'), '$350,000.00');

    await addForm().getByLabel('Name').fill('Mortgage');
    await addForm().getByLabel('Kind').selectOption('Liability');
    await addForm().getByLabel('Category').selectOption('Mortgage');
    await addForm().getByLabel('Balance owed').fill('280000');
    await addForm().getByLabel('As of').fill('2026-01-01');
    await addForm().getByRole('button', { name: 'Add' }).click();
    await expectText(item('Mortgage').getByTestId('manual-asset-latest'), '-$280,000.00');

    // A later balance, edited, then removed: the earlier one applies again.
    await item('Mortgage').getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('form', { name: 'Mortgage value' });
    await history.getByLabel('Date').fill('2026-06-01');
    await history.getByLabel('Balance owed').fill('275000');
    await history.getByRole('button', { name: 'Add value' }).click();
    await expectText(item('Mortgage').getByTestId('manual-asset-latest'), '-$275,000.00');
    const june = page.getByRole('table', { name: 'Mortgage history' }).getByRole('row').filter({ hasText: '275,000' });
    await june.getByRole('button', { name: 'Edit' }).click();
    await history.getByLabel('Balance owed').fill('270000');
    await history.getByRole('button', { name: 'Save value' }).click();
    await expectText(item('Mortgage').getByTestId('manual-asset-latest'), '-$270,000.00');

    const valuation = await apiGet(`/api/v1/households/${householdId}/valuation`);
    const manual = valuation.manualItems.reduce((/** @type {number} */ s, /** @type {{ value: number }} */ m) => s + m.value, 0);
    if (manual !== 80_000) throw new Error(`manual items count ${manual} in the valuation, not 80,000`);
    await expectText(page.getByTestId('nw-liabilities'), '270,000');

    await page.getByRole('table', { name: 'Mortgage history' }).getByRole('row').filter({ hasText: '270,000' }).getByRole('button', { name: 'Remove' }).click();
    await expectText(item('Mortgage').getByTestId('manual-asset-latest'), '-$280,000.00');
  }, { shot: 'net-worth' });

  await test('exchange rates: the missing pair is named before the reporting currency changes', async () => {
    await page.goto(`${householdUrl}/settings`);
    const household = page.locator('form', { has: page.getByLabel('Reporting currency') });
    await household.getByLabel('Reporting currency').fill('EUR');
    await household.getByRole('button', { name: 'Save' }).click();
    await expectText(page.getByRole('alert'), 'USD/EUR');
    if ((await apiGet(`/api/v1/households/${householdId}`)).reportingCurrency !== 'USD') throw new Error('the currency changed without its rates');

    // ECB reference rates of 2 January 2020 and 2024.
    await page.getByLabel('Import a CSV (Date,Base,Quote,Rate)').setInputFiles(join(fixtures, 'fx-rates.csv'));
    await expectText(page.getByRole('status'), '2 rates imported');
    await page.getByRole('table', { name: 'Your exchange rates' }).getByRole('row').filter({ hasText: 'EUR/USD' }).first().waitFor();
    await household.getByRole('button', { name: 'Save' }).click();
    await currencyBecomes('EUR');

    await page.goto(`${householdUrl}/net-worth`);
    await expectText(page.getByTestId('nw-total'), '€');
    await page.goto(`${householdUrl}/dashboard`);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    // Rebalancing works in one currency: with USD accounts and EUR reporting the card says why, not an error.
    await expectText(page.getByTestId('alerts-unavailable'), 'USD');

    await page.goto(`${householdUrl}/settings`);
    await page.getByLabel('Reporting currency').fill('USD');
    await page.locator('form', { has: page.getByLabel('Reporting currency') }).getByRole('button', { name: 'Save' }).click();
    await currencyBecomes('USD');
  }, { shot: 'fx-rates' });
}
