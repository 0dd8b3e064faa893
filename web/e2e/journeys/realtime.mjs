// Real time: with the dashboard open, a close changed through the API (as a price refresh or
// another session would) reaches the page through the SignalR hub, and the net worth changes
// without a reload. Run by e2e/specs/08-realtime.spec.mjs after "net worth on the dashboard" (VTI: 10 shares, the
// fixture's 2024-06-28 close 250.00; net worth $10,479.00).

/**
 * @param {{
 *   test: (name: string, body: () => Promise<void>, options?: object) => Promise<void>,
 *   page: import('playwright-core').Page,
 *   expectText: (locator: import('playwright-core').Locator, text: string) => Promise<void>,
 *   apiGet: (path: string) => Promise<any>,
 *   apiSend: (method: string, path: string, body?: unknown) => Promise<any>,
 *   householdUrl: string,
 * }} t
 */
export async function realtimeJourney({ test, page, expectText, apiGet, apiSend, householdUrl }) {
  const householdId = householdUrl.split('/').pop();

  await test('real time: a price changed through the API shows on the open dashboard without a reload', async () => {
    await page.goto(`${householdUrl}/dashboard`);
    await expectText(page.getByTestId('net-worth'), '$10,479.00');
    const { items } = await apiGet(`/api/v1/instruments?householdId=${householdId}&inUse=true&pageSize=100`);
    const vti = items.find((/** @type {{ symbol: string }} */ i) => i.symbol === 'VTI');
    if (!vti) throw new Error('no VTI among the household instruments');
    // A marker a reload would lose; the hub connection is the page's since it opened the household.
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await page.waitForTimeout(1_000);

    await apiSend('PUT', `/api/v1/instruments/${vti.id}/prices`, [{ date: '2024-06-28', close: 260 }]);
    await expectText(page.getByTestId('net-worth'), '$10,579.00'); // 10 × 10 more

    await apiSend('PUT', `/api/v1/instruments/${vti.id}/prices`, [{ date: '2024-06-28', close: 250 }]);
    await expectText(page.getByTestId('net-worth'), '$10,479.00'); // back, for the journeys after this one
    if (!(await page.evaluate(() => '__sameDocument' in window))) throw new Error('the page reloaded');
  });
}
