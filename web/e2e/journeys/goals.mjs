// Goals: add one funded by two accounts and tested by a plan, read its progress (hand-computed),
// run the plan and see its status on the goals page and the dashboard. A household of its own,
// made through the API, so the other journeys' data stays as it was.

/**
 * @param {{
 *   test: (name: string, body: () => Promise<void>, options?: object) => Promise<void>,
 *   page: import('playwright-core').Page,
 *   expectText: (locator: import('playwright-core').Locator, text: string) => Promise<void>,
 *   apiSend: (method: string, path: string, body?: unknown) => Promise<any>,
 * }} t
 */
export async function goalsJourney({ test, page, expectText, apiSend }) {
  /** @type {string} */
  let householdPath = '';
  /** @type {string} */
  let h = '';
  await test('add a goal funded by two accounts: progress is their value over the target', async () => {
    const household = await apiSend('POST', '/api/v1/households', { name: 'Goals household', reportingCurrency: 'USD' });
    householdPath = `/households/${household.id}`;
    h = `/api/v1/households/${household.id}`;
    const deposit = (/** @type {number} */ amount) => `Date,Type,Symbol,Quantity,Price,Fees,Amount,Currency,Memo\n2024-01-02,Deposit,,,,,${amount},USD,Opening deposit\n`;
    for (const [name, amount] of [['Savings brokerage', 12000], ['House ISA', 3000], ['Spending', 700]]) {
      const account = await apiSend('POST', `${h}/accounts`, { name, type: 'TaxableBrokerage', baseCurrency: 'USD' });
      await apiSend('POST', `${h}/imports/transactions?accountId=${account.id}`, deposit(Number(amount)));
    }
    // A plan every path of which succeeds: 2,000,000 to spend 20,000 a year for 30 years.
    const scenario = {
      startBalance: 2000000, horizonMonths: 360, inflation: 0.02, assets: [{ name: 'Equity', expectedReturn: 0.05, volatility: 0.1 }], correlations: [[1]],
      allocation: { weights: [1] }, paths: 1000, seed: 1,
      plan: { people: [{ name: 'Kai', age: 60, retirementAge: 60 }], goals: [{ name: 'House deposit', kind: 'retirement', annualAmount: 20000, untilAge: 90 }] },
    };
    await apiSend('POST', `${h}/plans`, { name: 'Safe plan', scenario });

    await page.goto(`${householdPath}/goals`);
    const form = page.getByRole('form', { name: 'Add a goal' });
    await form.getByLabel('Name').fill('House deposit');
    await form.getByLabel('Amount needed').fill('60000');
    const year = new Date().getUTCFullYear() + 3;
    await form.getByLabel('Target date').fill(`${year}-06-30`);
    await form.getByLabel('Tested by plan').selectOption({ label: 'Safe plan' });
    await form.getByLabel('Savings brokerage').check();
    await form.getByLabel('House ISA').check();
    await form.getByRole('button', { name: 'Add goal' }).click();
    // 12,000 + 3,000 of 60,000: a quarter; "Spending" is not a funding account.
    const goal = page.getByTestId('goal').filter({ hasText: 'House deposit' });
    await expectText(goal.getByTestId('goal-funded'), '$15,000.00 of $60,000.00 (25.0%)');
    await expectText(goal.getByTestId('goal-status'), 'Not tested');
  }, { shot: 'goals-added', independent: true });

  await test("a run of the goal's plan puts it on track, on the goals page and the dashboard", async () => {
    const plans = await apiSend('GET', `${h}/plans`);
    const run = await apiSend('POST', `${h}/plans/${plans[0].id}/simulations?wait=true`, { paths: 1000, seed: 3 });
    if (run.status !== 'Succeeded' || run.successProbability !== 1) throw new Error(`run ${run.status} ${run.successProbability}`);
    await page.goto(`${householdPath}/goals`);
    await expectText(page.getByTestId('goal').filter({ hasText: 'House deposit' }).getByTestId('goal-status'), 'On track · 100.0% success');
    await page.goto(`${householdPath}/dashboard`);
    const card = page.getByTestId('dashboard-goals');
    await expectText(card, 'House deposit');
    await expectText(card.getByTestId('goal-status'), 'On track');
  }, { shot: 'goals-dashboard' });
}
