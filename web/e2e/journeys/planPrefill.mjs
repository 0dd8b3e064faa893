// A new plan starts from the household: its people (ages from their birth dates, their recorded
// retirement ages) and its investment accounts' value. A household of its own, made through the
// API, so the other journeys' plans and balances stay as they were.

/**
 * @param {{
 *   test: (name: string, body: () => Promise<void>, options?: object) => Promise<void>,
 *   page: import('playwright-core').Page,
 *   expectText: (locator: import('playwright-core').Locator, text: string) => Promise<void>,
 *   apiSend: (method: string, path: string, body?: unknown) => Promise<any>,
 * }} t
 */
export async function planPrefillJourney({ test, page, expectText, apiSend }) {
  await test('a new plan is prefilled with the household’s people and investment balance', async () => {
    const household = await apiSend('POST', '/api/v1/households', { name: 'Plan household', reportingCurrency: 'USD' });
    const h = `/api/v1/households/${household.id}`;
    // Birth dates relative to today: Robin turned 50 yesterday, Jo turns 41 tomorrow (40 today).
    const shift = (/** @type {number} */ years, /** @type {number} */ days) => {
      const d = new Date();
      d.setUTCFullYear(d.getUTCFullYear() - years);
      d.setUTCDate(d.getUTCDate() + days);
      return d.toISOString().slice(0, 10);
    };
    const person = { filingStatus: 'MarriedFilingJointly', country: 'US', state: null };
    await apiSend('POST', `${h}/people`, { ...person, name: 'Robin Example', birthDate: shift(50, -1), retirementAge: 60 });
    await apiSend('POST', `${h}/people`, { ...person, name: 'Jo Example', birthDate: shift(41, 1), retirementAge: null });
    // 25,000 in a brokerage account counts; 5,000 in checking does not.
    const deposit = (/** @type {number} */ amount) => `Date,Type,Symbol,Quantity,Price,Fees,Amount,Currency,Memo\n2024-01-02,Deposit,,,,,${amount},USD,Opening deposit\n`;
    const brokerage = await apiSend('POST', `${h}/accounts`, { name: 'Brokerage', type: 'TaxableBrokerage', baseCurrency: 'USD' });
    const checking = await apiSend('POST', `${h}/accounts`, { name: 'Checking', type: 'Checking', baseCurrency: 'USD' });
    await apiSend('POST', `${h}/imports/transactions?accountId=${brokerage.id}`, deposit(25000));
    await apiSend('POST', `${h}/imports/transactions?accountId=${checking.id}`, deposit(5000));

    await page.goto(`/households/${household.id}/plans`);
    const form = page.getByRole('form', { name: 'Plan' });
    // In the order the API lists them (by name).
    await expectText(page.getByTestId('plan-prefill'), 'Jo Example and Robin Example');
    /** @param {import('playwright-core').Locator} l @param {string} want */
    const hasValue = async (l, want) => {
      const got = await l.inputValue();
      if (got !== want) throw new Error(`${await l.evaluate((e) => e.id)}: expected ${want}, got ${got}`);
    };
    await hasValue(form.getByLabel('Person 1 name'), 'Jo Example');
    await hasValue(form.getByLabel('Person 2 name'), 'Robin Example');
    await hasValue(form.getByLabel('Age today').nth(0), '40');
    await hasValue(form.getByLabel('Age today').nth(1), '50');
    await hasValue(form.getByLabel('Retirement age').nth(0), '65');
    await hasValue(form.getByLabel('Retirement age').nth(1), '60');
    await hasValue(form.getByLabel('Starting balance'), '25000');

    // Saved as shown: the stored scenario has the household's people and balance.
    await form.getByLabel('Plan name').fill('From the household');
    await form.getByRole('button', { name: 'Create plan' }).click();
    await page.getByRole('heading', { name: 'From the household' }).waitFor();
    const plans = await apiSend('GET', `${h}/plans`);
    const scenario = plans[0].scenario;
    const people = JSON.stringify(scenario.plan.people);
    const want = JSON.stringify([{ name: 'Jo Example', age: 40, retirementAge: 65 }, { name: 'Robin Example', age: 50, retirementAge: 60 }]);
    if (scenario.startBalance !== 25000 || people !== want) throw new Error(`stored ${scenario.startBalance} and ${people}`);
  }, { shot: 'plan-prefilled', independent: true });
}
