// Journey: managing instruments by hand (issue 13) and household-private instruments (issue 14).
// Runs after the household's price and transaction imports: every symbol they named is the
// household's own and Unclassified, and the dashboard asks for each one's class.

/**
 * @param {{
 *   test: (name: string, body: () => Promise<void>, options?: object) => Promise<void>,
 *   page: import('playwright-core').Page,
 *   expectText: (locator: import('playwright-core').Locator, text: string) => Promise<void>,
 *   apiGet: (path: string) => Promise<any>,
 *   householdUrl: string,
 * }} ctx
 */
export async function instrumentsJourney({ test, page, expectText, apiGet, householdUrl }) {
  const householdId = householdUrl.split('/').at(-1);
  const own = async () => (await apiGet(`/api/v1/instruments?householdId=${householdId}&inUse=true&pageSize=1000`)).items;

  await test('instruments: imported symbols are the household\'s own and unclassified; the dashboard asks for their class', async () => {
    const imported = await own();
    for (const i of imported) {
      if (i.householdId !== householdId || i.assetClass !== 'Unclassified') throw new Error(`${i.symbol}: ${i.householdId} ${i.assetClass}, expected private and Unclassified`);
    }
    await page.goto(`${householdUrl}/dashboard`);
    const notice = page.getByRole('region', { name: /needs? an asset class/ });
    await expectText(notice, '5 instruments need an asset class');
    await notice.getByLabel('Asset class of VTI').selectOption('UsEquity');
    await notice.getByRole('listitem').filter({ hasText: 'VTI' }).getByRole('button', { name: 'Set class' }).click();
    await expectText(notice, '4 instruments need an asset class');
  }, { shot: 'instruments-unclassified-notice' });

  await test('instruments: search, then edit name, type, class, exchange and ISIN of one of the household\'s own', async () => {
    await page.goto(`${householdUrl}/instruments`);
    await page.getByLabel('Search').fill('BND');
    const row = page.getByRole('row').filter({ hasText: 'BND' });
    await expectText(row, 'This household');
    await row.getByRole('button', { name: 'Edit BND' }).click();
    const form = page.getByRole('form', { name: 'Edit BND' });
    await form.getByLabel('ISIN (optional)').fill('US92193784');
    await form.getByRole('button', { name: 'Save' }).click();
    await expectText(form.locator('.field-error'), 'An ISIN is 12 characters');
    await form.getByLabel('Name').fill('Total bond market');
    await form.getByLabel('Type').selectOption('Etf');
    await form.getByLabel('Asset class').selectOption('Bonds');
    await form.getByLabel('Exchange').fill('nasdaq');
    await form.getByLabel('ISIN (optional)').fill('us9219378356');
    await form.getByRole('button', { name: 'Save' }).click();
    const saved = page.getByRole('row').filter({ hasText: 'Total bond market' });
    await expectText(saved, 'NASDAQ');
    await expectText(saved, 'US9219378356');
    await expectText(saved, 'Bonds');
    const bnd = (await own()).find((/** @type {any} */ i) => i.symbol === 'BND');
    if (bnd.assetClass !== 'Bonds' || bnd.type !== 'Etf') throw new Error(`BND is ${bnd.assetClass} ${bnd.type} after the edit`);
  }, { shot: 'instruments-edit' });

  await test('instruments: add a custom asset of the household\'s own', async () => {
    const form = page.getByRole('form', { name: 'New instrument' });
    await form.getByRole('button', { name: 'Add instrument' }).click();
    await expectText(form.locator('.field-error'), 'A symbol is required');
    await form.getByLabel('Symbol').fill('cabin');
    await form.getByLabel('Name').fill('Lake cabin');
    await form.getByLabel('Asset class').selectOption('RealEstate');
    await form.getByRole('button', { name: 'Add instrument' }).click();
    await expectText(page.getByRole('status'), 'Added CABIN');
    await page.getByLabel('Search').fill('lake');
    await expectText(page.getByRole('row').filter({ hasText: 'CABIN' }), 'This household');
  }, { shot: 'instruments-create' });

  await test('instruments: classifying the rest clears the dashboard notice', async () => {
    await page.goto(`${householdUrl}/dashboard`);
    const notice = page.getByRole('region', { name: /needs? an asset class/ });
    for (const [symbol, assetClass] of [['VXUS', 'InternationalEquity'], ['VNQ', 'RealEstate'], ['DBC', 'Commodities']]) {
      await notice.getByLabel(`Asset class of ${symbol}`).selectOption(assetClass);
      await notice.getByRole('listitem').filter({ hasText: symbol }).getByRole('button', { name: 'Set class' }).click();
      await notice.getByLabel(`Asset class of ${symbol}`).waitFor({ state: 'detached' });
    }
    await page.getByRole('region', { name: /needs? an asset class/ }).waitFor({ state: 'detached' });
    const left = (await own()).filter((/** @type {any} */ i) => i.assetClass === 'Unclassified');
    if (left.length > 0) throw new Error(`still unclassified: ${left.map((/** @type {any} */ i) => i.symbol).join(', ')}`);
  }, { shot: 'instruments-classified' });
}
