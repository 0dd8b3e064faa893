// Recommendations on the dashboard (docs/recommendations.md): in a household of its own, a checking account
// that spent 900 over the last year but holds 100 (1 month of the 75 a month it spends, short of 3) gets
// "Build an emergency fund". The card shows it with its explanation, effect and learning link; the user
// dismisses it with a reason, and after a reload it stays dismissed (the card counts it), as the API agrees.
// Run by e2e/specs/30-recommendations.spec.mjs.

/**
 * @param {{
 *   test: (name: string, body: () => Promise<void>, options?: object) => Promise<void>,
 *   page: import('@playwright/test').Page,
 *   expectText: (locator: import('@playwright/test').Locator, text: string) => Promise<void>,
 *   apiSend: (method: string, path: string, body?: unknown) => Promise<any>,
 *   apiGet: (path: string) => Promise<any>,
 * }} t
 */
export async function recommendationsJourney({ test, page, expectText, apiSend, apiGet }) {
  await test('recommendations: the dashboard card, dismissed with a reason, stays dismissed after a reload', async () => {
    await page.goto('/'); // the API helpers read the session from the page's storage
    const household = await apiSend('POST', '/api/v1/households', { name: 'Advice household', reportingCurrency: 'USD' });
    const h = `/api/v1/households/${household.id}`;
    const account = await apiSend('POST', `${h}/accounts`, { name: 'Everyday checking', type: 'Checking', baseCurrency: 'USD' });
    const day = (/** @type {number} */ back) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);
    const csv = `Date,Type,Symbol,Quantity,Price,Fees,Amount,Currency,Memo\n${day(40)},Deposit,,,,,1000,USD,Pay\n${day(10)},Withdrawal,,,,,900,USD,Rent\n`;
    await apiSend('POST', `${h}/imports/transactions?accountId=${account.id}`, csv);

    await page.goto(`/households/${household.id}/dashboard`);
    const card = page.getByRole('region', { name: 'Recommendations' });
    const fund = card.getByTestId('recommendation').filter({ hasText: 'Build an emergency fund' });
    await expectText(fund, 'Checking and savings hold 100');
    await expectText(fund, '$125.00 to set aside');
    await fund.getByRole('link', { name: 'Learn why' }).waitFor();

    await fund.getByRole('button', { name: 'Dismiss…' }).click();
    await fund.getByLabel('Why dismiss it?').fill('Our cash sits in a money market fund.');
    await fund.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await expectText(card, 'Nothing to recommend today (1 dismissed)');

    await page.reload();
    await expectText(page.getByRole('region', { name: 'Recommendations' }), 'Nothing to recommend today (1 dismissed)');
    const stored = await apiGet(`${h}/recommendations`);
    if (stored.dismissed !== 1 || stored.items.some((/** @type {{ kind: string }} */ i) => i.kind === 'emergency-fund')) throw new Error('the dismissal was not kept');
  }, { shot: 'recommendations' });
}
