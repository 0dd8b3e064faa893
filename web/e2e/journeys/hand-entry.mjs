import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// Everything by hand: transactions (every type, the lot preview of a sell, edit, delete), accounts
// (edit, delete with and without history), people and tax settings, each in the web UI. Runs in
// households of its own, so the figures the other tests check stay as they were.

/** The fixture closes (VTI, BND, …): each journey household imports them as instruments of its own (shared ones are the operator's). */
const prices = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'prices.csv'), 'utf8');

/**
 * @param {{
 *   test: (name: string, body: () => Promise<void>, options?: object) => Promise<void>,
 *   page: import('playwright-core').Page,
 *   expectText: (locator: import('playwright-core').Locator, text: string) => Promise<void>,
 *   apiSend: (method: string, path: string, body?: unknown) => Promise<any>,
 *   apiGet: (path: string) => Promise<any>,
 *   totp: () => Promise<string>,
 * }} t
 */
export async function handEntryJourneys({ test, page, expectText, apiSend, apiGet, totp }) {
  let h = '';
  let url = '';

  /** Selects the first option whose text starts with `text` (instruments show as "SYMBOL · name"). @param {import('playwright-core').Locator} select @param {string} text */
  async function pick(select, text) {
    await select.selectOption((await select.locator('option').filter({ hasText: new RegExp(`^${text}`) }).first().getAttribute('value')) ?? '');
  }

  /** Fills the new-transaction form and adds it; fields by label, selects by option label. @param {Record<string, string>} fields */
  async function addTransaction(fields) {
    const form = page.getByRole('form', { name: 'New transaction' });
    for (const [label, value] of Object.entries(fields)) {
      const field = form.getByLabel(label, { exact: true });
      if ((await field.evaluate((e) => e.tagName)) !== 'SELECT') await field.fill(value);
      else await pick(field, value);
    }
    await form.getByRole('button', { name: 'Add transaction' }).click();
    await expectText(page.getByRole('status'), 'Added');
  }

  await test('hand entry: every transaction type, the lot preview of a sell, edit and delete', async () => {
    const household = await apiSend('POST', '/api/v1/households', { name: 'Hand-entry household', reportingCurrency: 'USD' });
    h = `/api/v1/households/${household.id}`;
    url = `/households/${household.id}`;
    await apiSend('POST', `${h}/imports/prices`, prices);
    await apiSend('POST', `${h}/accounts`, { name: 'Taxable', type: 'TaxableBrokerage', baseCurrency: 'USD', reliefMethod: 'Fifo' });
    const ira = await apiSend('POST', `${h}/accounts`, { name: 'IRA', type: 'TraditionalIra', baseCurrency: 'USD' });
    await page.goto(`${url}/transactions`);
    // Validation before anything is sent: a buy needs an instrument and a quantity.
    await page.getByRole('form', { name: 'New transaction' }).getByLabel('Account', { exact: true }).selectOption({ label: 'Taxable' });
    await page.getByRole('button', { name: 'Add transaction' }).click();
    await expectText(page.locator('.field-error'), 'Choose an instrument');

    await addTransaction({ Type: 'Deposit', Date: '2024-01-02', Amount: '10000', Memo: 'Opening deposit' });
    await addTransaction({ Type: 'Buy', Date: '2024-01-03', Instrument: 'VTI', Quantity: '10', Price: '200', Fees: '1' });
    await addTransaction({ Type: 'Buy', Date: '2024-06-03', Instrument: 'VTI', Quantity: '5', Price: '240' });

    // A sell shows the lots it would relieve before it is booked: FIFO takes the January lot whole
    // (basis 2,001: 10 at 200 + 1 fee) and 2 of June's (480); 12 at 250 = 3,000, a gain of 519.
    const form = page.getByRole('form', { name: 'New transaction' });
    await form.getByLabel('Type', { exact: true }).selectOption({ label: 'Sell' });
    await form.getByLabel('Date', { exact: true }).fill('2024-06-28');
    await pick(form.getByLabel('Instrument', { exact: true }), 'VTI');
    await form.getByLabel('Quantity', { exact: true }).fill('12');
    await form.getByLabel('Price', { exact: true }).fill('250');
    const preview = page.getByTestId('sell-preview');
    await expectText(preview, 'FIFO');
    await expectText(preview.locator('tbody tr').first(), 'Jan 3, 2024');
    await expectText(preview.locator('tbody tr').nth(1), 'Jun 3, 2024');
    await expectText(preview.locator('tfoot'), '$519.00');
    if ((await apiGet(`${h}/transactions`)).totalCount !== 3) throw new Error('the preview booked something');
    await form.getByRole('button', { name: 'Add transaction' }).click();
    await expectText(page.getByRole('status'), 'Added sell');

    // Edit the sale down to 8: the ledger replays and only the January lot is relieved.
    const table = page.getByTestId('transactions-table');
    await table.getByRole('button', { name: 'Edit the sell of Jun 28, 2024' }).click();
    const edit = page.getByRole('form', { name: 'Edit the transaction' });
    await edit.getByLabel('Quantity', { exact: true }).fill('8');
    await expectText(page.getByTestId('sell-preview').last().locator('tfoot'), '$399.20');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    let lots = await apiGet(`${h}/lots`);
    if (lots.map((/** @type {any} */ l) => l.quantity).join(',') !== '2,5') throw new Error(`lots after the edit: ${JSON.stringify(lots)}`);

    // Delete it: both lots whole again.
    await table.getByRole('button', { name: 'Delete the sell of Jun 28, 2024' }).click();
    await table.getByRole('button', { name: 'Confirm delete' }).click();
    await table.getByRole('button', { name: 'Confirm delete' }).waitFor({ state: 'detached' });
    await table.getByRole('button', { name: 'Delete the sell of Jun 28, 2024' }).waitFor({ state: 'detached' });
    lots = await apiGet(`${h}/lots`);
    if (lots.map((/** @type {any} */ l) => l.quantity).join(',') !== '10,5') throw new Error(`lots after the delete: ${JSON.stringify(lots)}`);

    // The other types: income, costs, a 2-for-1 split and a transfer of units to the IRA.
    await addTransaction({ Type: 'Dividend', Date: '2024-03-28', Instrument: 'VTI', Amount: '12.34' });
    await addTransaction({ Type: 'Interest', Date: '2024-03-29', Amount: '5' });
    await addTransaction({ Type: 'Fee', Date: '2024-03-29', Amount: '1' });
    await addTransaction({ Type: 'Withdrawal', Date: '2024-04-01', Amount: '100' });
    await addTransaction({ Type: 'Split', Date: '2024-06-10', Instrument: 'VTI', 'New units': '2', 'Old units': '1' });
    await addTransaction({ Type: 'Transfer', 'From account': 'Taxable', 'To account': 'IRA', Date: '2024-06-20', Instrument: 'VTI', Quantity: '4' });
    const positions = await apiGet(`${h}/positions`);
    const held = (/** @type {string} */ account) => positions.positions.find((/** @type {any} */ p) => p.accountId === account)?.quantity;
    if (held(ira.id) !== 4 || positions.positions.reduce((/** @type {number} */ s, /** @type {any} */ p) => s + p.quantity, 0) !== 30) throw new Error(`positions: ${JSON.stringify(positions.positions.map((/** @type {any} */ p) => [p.accountName, p.quantity]))}`);
    // Cash: 10,000 − 2,001 − 1,200 + 12.34 + 5 − 1 − 100.
    const cash = positions.cash.reduce((/** @type {number} */ s, /** @type {any} */ c) => s + c.amount, 0);
    if (Math.abs(cash - 6_715.34) > 0.001) throw new Error(`cash ${cash}`);
    // Deleting one half of the transfer deletes the pair.
    await table.getByRole('button', { name: 'Delete the transfer in of Jun 20, 2024' }).click();
    await table.getByRole('button', { name: 'Delete both halves' }).click();
    await table.getByRole('button', { name: 'Delete both halves' }).waitFor({ state: 'detached' });
    await table.getByRole('button', { name: 'Edit the transfer out of Jun 20, 2024' }).waitFor({ state: 'detached' });
    await table.getByRole('button', { name: 'Edit the transfer in of Jun 20, 2024' }).waitFor({ state: 'detached' });
  }, { shot: 'hand-entry-transactions' });

  await test('hand entry: edit an account; one with history cannot be deleted, an empty one can', async () => {
    await page.goto(`${url}/accounts`);
    await page.getByRole('button', { name: 'Edit Taxable' }).click();
    const edit = page.getByRole('form', { name: 'Edit Taxable' });
    await edit.getByLabel('Name', { exact: true }).fill('Taxable brokerage');
    await edit.getByLabel('Lot relief method').selectOption('Hifo');
    await edit.getByRole('button', { name: 'Save account' }).click();
    await confirmStepUp(edit);
    await page.getByRole('link', { name: 'Taxable brokerage', exact: true }).waitFor();
    if ((await apiGet(`${h}/accounts`)).find((/** @type {any} */ a) => a.name === 'Taxable brokerage')?.reliefMethod !== 'Hifo') throw new Error('the relief method was not saved');

    await page.getByRole('button', { name: 'Edit Taxable brokerage' }).click();
    await page.getByRole('button', { name: 'Delete account' }).click();
    await page.getByRole('button', { name: 'Delete Taxable brokerage for good' }).click();
    await expectText(page.getByRole('alert'), 'Taxable brokerage has 8 transaction(s); delete them first');
    await page.getByRole('button', { name: 'Cancel' }).click();

    const create = page.getByRole('region', { name: 'Add an account' });
    await create.getByLabel('Name', { exact: true }).fill('Old savings');
    await create.getByLabel('Type').selectOption('Savings');
    await create.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('button', { name: 'Edit Old savings' }).click();
    await page.getByRole('button', { name: 'Delete account' }).click();
    await page.getByRole('button', { name: 'Delete Old savings for good' }).click();
    await page.getByRole('link', { name: 'Old savings', exact: true }).waitFor({ state: 'detached' });
  }, { shot: 'hand-entry-accounts', expect: [{ url: /\/accounts\/[^/]+$/, status: 409 }], allow: [{ url: /\/accounts\/[^/]+$/, status: 403 }] });

  /** The step-up from the settings tests may have expired: then the dialog asks for a code. @param {import('playwright-core').Locator} done */
  async function confirmStepUp(done) {
    const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
    const asked = await Promise.race([dialog.waitFor().then(() => true), done.waitFor({ state: 'detached' }).then(() => false)].map((p) => p.catch(() => false)));
    if (asked) {
      await dialog.getByLabel('Authenticator code').fill(await totp());
      await dialog.getByRole('button', { name: 'Confirm' }).click();
    }
  }

  await test('hand entry: add, edit and delete a person with a retirement age', async () => {
    await page.goto(`${url}/settings`);
    await page.getByRole('button', { name: 'Add a person' }).click();
    const add = page.getByRole('form', { name: 'New person' });
    await add.getByLabel('Person’s name').fill('Alex');
    await add.getByLabel('Birth date').fill('1980-05-01');
    await add.getByLabel('Retirement age').fill('12');
    await add.getByRole('button', { name: 'Add person' }).click();
    await expectText(add.locator('.field-error'), 'between 30 and 100');
    await add.getByLabel('Retirement age').fill('67');
    await add.getByRole('button', { name: 'Add person' }).click();
    await expectText(page.getByTestId('people'), 'retires at 67');

    await page.getByRole('button', { name: 'Edit Alex' }).click();
    const edit = page.getByRole('form', { name: 'Edit Alex' });
    await edit.getByLabel('Retirement age').fill('62');
    await edit.getByRole('button', { name: 'Save person' }).click();
    await expectText(page.getByTestId('people'), 'retires at 62');
    if ((await apiGet(`${h}/people`))[0]?.retirementAge !== 62) throw new Error('the retirement age was not saved');

    await page.getByRole('button', { name: 'Delete Alex' }).click();
    await page.getByRole('button', { name: 'Delete Alex' }).click();
    await expectText(page.locator('main'), 'No people recorded');
  }, { shot: 'hand-entry-people' });

  await test('hand entry: tax rates and a replacement make the harvesting saving non-zero', async () => {
    const household = await apiSend('POST', '/api/v1/households', { name: 'Harvest household', reportingCurrency: 'USD' });
    const hh = `/api/v1/households/${household.id}`;
    const account = await apiSend('POST', `${hh}/accounts`, { name: 'Taxable', type: 'TaxableBrokerage', baseCurrency: 'USD' });
    await apiSend('POST', `${hh}/imports/prices`, prices);
    const instruments = (await apiGet(`/api/v1/instruments?householdId=${household.id}&pageSize=100`)).items;
    const id = (/** @type {string} */ symbol) => instruments.find((/** @type {any} */ i) => i.symbol === symbol).id;
    await apiSend('POST', `${hh}/transactions/batch`, {
      transactions: [
        { accountId: account.id, type: 'Deposit', tradeDate: '2024-01-02', amount: 10000 },
        { accountId: account.id, type: 'Buy', tradeDate: '2024-01-04', instrumentId: id('BND'), quantity: 20, price: 72 },
      ],
    });
    await page.goto(`/households/${household.id}/tax`);
    const bnd = page.getByTestId('harvest-table').locator('tbody tr', { hasText: 'BND' });
    await expectText(bnd, 'none set');

    const rates = page.getByRole('form', { name: 'Tax rates' });
    await rates.getByLabel('Short-term rate (%)').fill('135');
    await rates.getByRole('button', { name: 'Save tax settings' }).click();
    await expectText(rates.locator('.field-error'), 'below 100');
    await rates.getByLabel('Short-term rate (%)').fill('35');
    await rates.getByLabel('Long-term rate (%)').fill('15');
    await rates.getByRole('button', { name: 'Save tax settings' }).click();
    await expectText(page.getByRole('status'), 'Tax settings saved');
    // 20 BND bought at 72.00 in January 2024, at 71.00 now: a long-term loss of 20.00, saving 15%.
    await expectText(bnd, '$3.00');

    const replacement = page.getByRole('form', { name: 'Add a replacement' });
    await pick(replacement.getByLabel('When selling'), 'BND');
    await pick(replacement.getByLabel('Buy instead'), 'VTI');
    await replacement.getByRole('button', { name: 'Add replacement' }).click();
    await expectText(page.getByTestId('replacements'), 'Sell BND, buy VTI');
    await expectText(bnd, 'VTI');
    const profile = await apiGet(`${hh}/tax-profile`);
    if (profile.shortTermRate !== 0.35 || profile.longTermRate !== 0.15) throw new Error(`profile ${JSON.stringify(profile)}`);
  }, { shot: 'hand-entry-tax-settings' });
}
