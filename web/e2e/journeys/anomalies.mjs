// Anomaly alerts (docs/anomalies.md, "Household scans"): in a household of its own, 40 ordinary grocery days (40–62
// a day, Tesco: Food/Groceries by the payee dictionary) and one of 900.00 five days ago, imported as a user would. The
// dashboard's Alerts card says there is nothing unusual before a scan; "Scan for unusual days now" finds the 900.00 day
// (against a typical day of about 50), a second scan finds nothing new, and dismissing it brings the empty state back
// while the API still lists it. Run by e2e/specs/44-anomalies.spec.mjs.

/**
 * @param {{
 *   test: (name: string, body: () => Promise<void>, options?: object) => Promise<void>,
 *   page: import('@playwright/test').Page,
 *   expectText: (locator: import('@playwright/test').Locator, text: string) => Promise<void>,
 *   apiSend: (method: string, path: string, body?: unknown) => Promise<any>,
 *   apiGet: (path: string) => Promise<any>,
 * }} t
 */
export async function anomaliesJourney({ test, page, expectText, apiSend, apiGet }) {
  await test('anomalies: a spending spike shows as an alert after a scan, once, and can be dismissed', async () => {
    await page.goto('/'); // the API helpers read the session from the page's storage
    const household = await apiSend('POST', '/api/v1/households', { name: 'Anomalies household', reportingCurrency: 'USD' });
    const h = `/api/v1/households/${household.id}`;
    const account = await apiSend('POST', `${h}/accounts`, { name: 'Everyday checking', type: 'Checking', baseCurrency: 'USD' });
    const day = (/** @type {number} */ back) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);
    let csv = `Date,Type,Amount,Memo\n${day(46)},Deposit,5000.00,OPENING BALANCE\n`;
    for (let i = 0; i < 40; i++) csv += `${day(45 - i)},Withdrawal,${40 + ((i * 7) % 23)}.${String((i * 13) % 100).padStart(2, '0')},TESCO STORES 1234\n`;
    csv += `${day(5)},Withdrawal,900.00,TESCO STORES 1234\n`;
    await apiSend('POST', `${h}/imports/transactions?accountId=${account.id}`, csv);

    await page.goto(`/households/${household.id}/dashboard`);
    const card = page.getByRole('region', { name: 'Alerts' });
    await expectText(card.getByTestId('anomalies-none'), 'No unusual days in your returns or spending.');

    await card.getByRole('button', { name: 'Scan for unusual days now' }).click();
    const alert = card.getByTestId('anomaly-alert').filter({ hasText: 'Spending: Food/Groceries' });
    await expectText(alert, '$900.00 (typically $5');
    await expectText(alert, 'threshold 6.5'); // the spending setting's point threshold (docs/anomalies.md, "Defaults by kind")
    await expectText(card.getByTestId('anomaly-scan-result'), '1 new.');

    // A second scan records nothing twice.
    await card.getByRole('button', { name: 'Scan for unusual days now' }).click();
    await expectText(card.getByTestId('anomaly-scan-result'), 'Nothing new.');
    if ((await card.getByTestId('anomaly-alert').count()) !== 1) throw new Error('the spike is shown more than once');

    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expectText(card.getByTestId('anomalies-none'), 'No unusual days in your returns or spending.');
    const stored = await apiGet(`${h}/anomalies`);
    if (stored.items.length !== 1 || stored.open !== 0 || stored.items[0].value !== 900 || !stored.items[0].dismissedUtc)
      throw new Error(`the API lists ${JSON.stringify(stored)}`);
  }, { shot: 'anomalies-alert' });
}
