// The tax page: harvesting, and in a household of its own a wash sale and both CSV exports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2e } from '../kit.mjs';

e2e('tax page', { shot: 'tax' }, async ({ page, state, expectText }) => {
  await page.goto(`${state.householdUrl}/tax`);
  await page.getByLabel('Tax year').fill('2024');
  await expectText(page.locator('main'), 'No sales in 2024');
  // BND's 20.00 unrealised loss is harvestable (the default profile has no threshold, no costs and no rates, so no saving).
  const bnd = page.getByTestId('harvest-table').locator('tbody tr', { hasText: 'BND' });
  await expectText(bnd, '$20.00');
  await expectText(bnd, 'none set');
});

e2e('tax: a wash sale (code W), a harvesting opportunity with its replacement, CSV exports', { shot: 'tax-wash-sale' }, async ({ page, expectText, apiSend, downloaded, fixtures }) => {
  // A household of its own, so the holdings and net worth checked above stay as they were.
  const household = await apiSend('POST', '/api/v1/households', { name: 'Tax household', reportingCurrency: 'USD' });
  const h = `/api/v1/households/${household.id}`;
  const account = await apiSend('POST', `${h}/accounts`, { name: 'Taxable', type: 'TaxableBrokerage', baseCurrency: 'USD' });
  // Sold 10 BND at a 20.00 loss on 1 March and bought 10 back on 15 March: the loss is disallowed and moves to the new lot.
  // Instruments and prices are the household's own: it imports the closes it is valued at.
  await apiSend('POST', `${h}/imports/prices`, readFileSync(join(fixtures, 'prices.csv'), 'utf8'));
  await apiSend('POST', `${h}/imports/transactions?accountId=${account.id}`, readFileSync(join(fixtures, 'transactions-wash-sale.csv'), 'utf8'));
  // Rates of 35% and 15%, any loss worth harvesting, no costs; VTI is BND's replacement.
  const profile = await apiSend('GET', `${h}/tax-profile`);
  await apiSend('PUT', `${h}/tax-profile`, { ...profile, shortTermRate: 0.35, longTermRate: 0.15, harvestMinLoss: 0, harvestMinLossFraction: 0, costPerTrade: 0 });
  const instruments = (await apiSend('GET', `/api/v1/instruments?householdId=${household.id}&inUse=true&pageSize=1000`)).items;
  const id = (/** @type {string} */ symbol) => instruments.find((/** @type {any} */ i) => i.symbol === symbol).id;
  await apiSend('POST', `${h}/replacement-funds`, { instrumentId: id('BND'), replacementId: id('VTI') });

  await page.goto(`/households/${household.id}/tax`);
  await page.getByLabel('Tax year').fill('2024');
  const sale = page.getByTestId('gains-table').locator('tbody tr').first();
  await expectText(sale, 'BND');
  await expectText(sale, '-$20.00');
  await expectText(sale, 'W $20.00');
  await expectText(page.getByTestId('gains-summary'), '$20.00');
  // Held now: 10 at 72.00 and 10 at 70.50 + 2.00 disallowed per share, at 71.00: a 25.00 loss, long term
  // (the new lot keeps the sold lot's holding period), saving 25.00 x 15% = 3.75.
  const harvest = page.getByTestId('harvest-table').locator('tbody tr', { hasText: 'BND' });
  await expectText(harvest, '$25.00');
  await expectText(harvest, '$3.75');
  await expectText(harvest, 'VTI');

  const csv = await downloaded(() => page.getByRole('button', { name: 'Export CSV' }).click());
  const [header, row] = csv.text.trim().split(/\r?\n/);
  if (csv.name !== 'realised-gains-2024.csv' || !header?.includes('DisallowedLoss,Code,ReportableGain') || !row?.endsWith(',Short,20,W,0')) {
    throw new Error(`unexpected CSV ${csv.name}:\n${csv.text}`);
  }
  const form = await downloaded(() => page.getByRole('button', { name: 'Form 8949 CSV (taxable accounts)' }).click());
  if (!form.text.startsWith('Part,Description,Date acquired') || !form.text.includes(',W,20.00,')) throw new Error(`unexpected Form 8949 CSV:\n${form.text}`);
});
