// Journey: dividends and splits from market data (issue 26). An account that withholds 15% on dividends (set on the
// account form) holds 10 AAPL bought before Apple's real 4:1 split of 2020-08-31; the server reads Yahoo's real AAPL
// chart from the stub global-setup starts (yahoo-stub.mjs). The import page proposes the split and the 0.205
// dividend on the 40 units held at the ex-date — by hand 40 × 0.205 = 8.20 gross, 15% = 1.23 withheld, 6.97 net —
// books nothing until asked, then books the split by itself and the rest after "confirm all" asks.

/**
 * @param {{
 *   test: (name: string, body: () => Promise<void>, options?: object) => Promise<void>,
 *   page: import('playwright-core').Page,
 *   expectText: (locator: import('playwright-core').Locator, text: string) => Promise<void>,
 *   apiGet: (path: string) => Promise<any>,
 *   apiSend: (method: string, path: string, body?: unknown) => Promise<any>,
 *   totp: () => Promise<string>,
 *   householdUrl: string,
 * }} t
 */
export async function corporateActionsJourney({ test, page, expectText, apiGet, apiSend, totp, householdUrl }) {
  const householdId = householdUrl.split('/').at(-1);
  const h = `/api/v1/households/${householdId}`;
  /** @type {{ id: string }} */
  let account = { id: '' };

  /** The step-up of earlier specs may have expired: then the dialog asks for a code. @param {import('playwright-core').Locator} done */
  async function confirmStepUp(done) {
    const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
    const asked = await Promise.race([dialog.waitFor().then(() => true), done.waitFor({ state: 'detached' }).then(() => false)].map((p) => p.catch(() => false)));
    if (asked) {
      await dialog.getByLabel('Authenticator code').fill(await totp());
      await dialog.getByRole('button', { name: 'Confirm' }).click();
    }
  }

  await test('corporate actions: an account withholding 15% on dividends, set on the account form', async () => {
    account = await apiSend('POST', `${h}/accounts`, { name: 'Dividend account', type: 'TaxableBrokerage', baseCurrency: 'USD' });
    await apiSend('POST', `${h}/imports/transactions?accountId=${account.id}`, 'Date,Type,Symbol,Quantity,Price,Amount\n2020-08-03,Deposit,,,,5000\n2020-08-03,Buy,AAPL,10,400,\n');
    // Two of the chart's own daily closes (rounded to the cent), so the household's valuation has a price for AAPL.
    await apiSend('POST', `${h}/imports/prices?symbol=AAPL`, 'Date,Open,High,Low,Close,Volume\n2020-08-31,127.58,131.00,126.00,129.04,225702700\n2020-11-06,118.32,119.20,116.13,118.69,114457900\n');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${householdUrl}/accounts`);
    await page.getByRole('button', { name: 'Edit Dividend account' }).click();
    const form = page.getByRole('form', { name: 'Edit Dividend account' });
    await form.getByLabel('Dividend withholding (%)').fill('15');
    await form.getByRole('button', { name: 'Save account' }).click();
    await confirmStepUp(form);
    await form.waitFor({ state: 'detached' });
    const saved = await apiGet(`${h}/accounts/${account.id}`);
    if (saved.dividendWithholdingRate !== 0.15) throw new Error(`the account withholds ${saved.dividendWithholdingRate}`);
  }, { shot: 'corporate-actions-withholding', allow: [{ url: /\/accounts\/[^/]+$/, status: 403 }] });

  await test('corporate actions: the split and the dividend proposed with their amounts, confirmed one by one and all at once', async () => {
    await page.goto(`${householdUrl}/import`);
    await page.getByRole('button', { name: 'Check for missing dividends and splits' }).click();
    const table = page.getByTestId('corporate-actions');
    await expectText(table, 'Split 4-for-1 on 10 held');
    await expectText(table, 'Dividend 0.205 × 40 = $8.20, $1.23 withheld, $6.97 net');
    const before = await apiGet(`${h}/transactions?accountId=${account.id}`);
    if (before.totalCount !== 2) throw new Error(`proposing booked something: ${before.totalCount} transactions`);

    const split = page.getByRole('button', { name: 'Confirm the AAPL split of Aug 31, 2020 in Dividend account' });
    await split.click();
    await split.waitFor({ state: 'detached' });
    await expectText(page.getByTestId('corporate-actions-booked'), 'Booked 1');
    await expectText(table, '$6.97 net');

    await page.getByRole('button', { name: /^Confirm all/ }).click();
    const question = page.getByRole('group', { name: 'Confirm all proposals' });
    await expectText(question, 'Book 1 dividend ($6.97 net cash)?');
    await question.getByRole('button', { name: 'Yes, book all 1' }).click();
    await page.getByTestId('corporate-actions-none').waitFor();

    const after = (await apiGet(`${h}/transactions?accountId=${account.id}`)).items;
    const amounts = after.map((/** @type {any} */ t) => `${t.type} ${t.amount}`).sort().join(', ');
    if (amounts !== 'Buy 0, Deposit 5000, Dividend 8.2, Fee 1.23, Split 0') throw new Error(`booked: ${amounts}`);
    const positions = await apiGet(`${h}/positions?asOf=2020-12-31`);
    const cash = positions.cash.find((/** @type {any} */ c) => c.accountId === account.id)?.amount;
    if (typeof cash !== 'number' || Math.abs(cash - (5000 - 4000 + 6.97)) > 1e-9) throw new Error(`cash ${cash}, expected 1006.97`);
  }, { shot: 'corporate-actions-confirmed' });
}
