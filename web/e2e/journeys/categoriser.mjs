// The categoriser that learns (docs/categoriser.md): 60 rows categorised by three rules on import are enough labels;
// "Train now" on the categories page trains the household's model; a row of a payee it has never seen is only
// suggested, with its confidence, and accepting the suggestion sets it by hand. A household of its own, made through the API.

/**
 * @param {{
 *   test: (name: string, body: () => Promise<void>, options?: object) => Promise<void>,
 *   page: import('playwright-core').Page,
 *   expectText: (locator: import('playwright-core').Locator, text: string) => Promise<void>,
 *   apiSend: (method: string, path: string, body?: unknown) => Promise<any>,
 *   apiGet: (path: string) => Promise<any>,
 * }} t
 */
export async function categoriserJourney({ test, page, expectText, apiSend, apiGet }) {
  /** @type {string} */
  let h = '';
  /** @type {string} */
  let accountId = '';
  await test('train the categoriser on rule-set rows', async () => {
    const household = await apiSend('POST', '/api/v1/households', { name: 'Categoriser household', reportingCurrency: 'USD' });
    h = `/api/v1/households/${household.id}`;
    const account = await apiSend('POST', `${h}/accounts`, { name: 'Everyday checking', type: 'Checking', baseCurrency: 'USD' });
    accountId = account.id;
    /** @type {{ id: string, path: string }[]} */
    const tree = await apiGet(`${h}/categories`);
    const id = (/** @type {string} */ path) => tree.find((c) => c.path === path)?.id;
    await apiSend('POST', `${h}/rules`, { name: 'Coffee', payeePattern: 'grind', setCategoryId: id('Food/Coffee') });
    await apiSend('POST', `${h}/rules`, { name: 'Groceries', payeePattern: 'harbour market', setCategoryId: id('Food/Groceries') });
    await apiSend('POST', `${h}/rules`, { name: 'Electricity', payeePattern: 'lumen', setCategoryId: id('Utilities/Electricity') });
    let csv = 'Date,Type,Amount,Memo\n';
    for (let i = 0; i < 20; i++) {
      const day = String(1 + i).padStart(2, '0');
      csv += `2024-03-${day},Withdrawal,4.20,Corner Grind Coffee — CARD 4412 CORNER GRIND COFFEE\n`;
      csv += `2024-04-${day},Withdrawal,${(30 + i).toFixed(2)},Harbour Market — POS HARBOUR MARKET ${i}\n`;
      csv += `2024-05-${day},Withdrawal,${(70 + i).toFixed(2)},Lumen Energy — DD LUMEN ENERGY REF ${i}\n`;
    }
    await apiSend('POST', `${h}/imports/transactions?accountId=${accountId}`, csv);

    await page.goto(`/households/${household.id}/categories`);
    const status = page.getByTestId('categoriser-status');
    await expectText(status, 'Not trained yet: 60 categorised rows (50 needed).');
    await status.getByRole('button', { name: 'Train now' }).click();
    await expectText(status, 'Version 1, trained on 60 rows in 3 categories.');
  }, { shot: 'categoriser-trained' });

  await test('a payee never seen is suggested; accept the suggestion', async () => {
    await apiSend('POST', `${h}/imports/transactions?accountId=${accountId}`, 'Date,Type,Amount,Memo\n2024-06-12,Withdrawal,17.00,Quorble Studio — QUORBLE STUDIO\n');
    await page.reload();
    const row = page.getByTestId('categorised-row').filter({ hasText: 'Quorble Studio' });
    const suggestion = row.getByTestId('row-suggestion');
    await expectText(suggestion, 'Suggested: ');
    const text = (await suggestion.textContent()) ?? '';
    const match = /Suggested: (\S+) \((\d+) %\)/.exec(text);
    if (!match || Number(match[2]) >= 80) throw new Error(`not a suggestion below 80 %: ${text}`);
    await suggestion.getByRole('button', { name: 'Accept' }).click();
    await expectText(row.getByTestId('row-source'), 'Manual');
    if ((await row.getByTestId('row-suggestion').count()) !== 0) throw new Error('the suggestion is still shown');
    const selected = await row.getByRole('combobox').evaluate((/** @type {HTMLSelectElement} */ s) => s.selectedOptions[0]?.textContent ?? '');
    if (selected !== match[1]) throw new Error(`the row shows ${selected}, not the accepted ${match[1]}`);
  }, { shot: 'categoriser-accepted' });
}
