// A plan with taxes: the household's investment accounts split by tax treatment, a withdrawal
// order, a run whose result shows lifetime taxes and taxes by year. A household of its own, made
// through the API, so the other journeys' plans stay as they were.

/**
 * @param {{
 *   test: (name: string, body: () => Promise<void>, options?: object) => Promise<void>,
 *   page: import('playwright-core').Page,
 *   expectText: (locator: import('playwright-core').Locator, text: string) => Promise<void>,
 *   apiSend: (method: string, path: string, body?: unknown) => Promise<any>,
 *   apiGet: (path: string) => Promise<any>,
 * }} t
 */
export async function planTaxesJourney({ test, page, expectText, apiSend, apiGet }) {
  /** @type {string} */
  let h = '';
  await test('the taxes section starts from the accounts by tax treatment, and they make the starting balance', async () => {
    const household = await apiSend('POST', '/api/v1/households', { name: 'Taxed plan household', reportingCurrency: 'USD' });
    h = `/api/v1/households/${household.id}`;
    const birth = new Date();
    birth.setUTCFullYear(birth.getUTCFullYear() - 60);
    birth.setUTCDate(birth.getUTCDate() - 1);
    await apiSend('POST', `${h}/people`, { name: 'Lee Example', birthDate: birth.toISOString().slice(0, 10), retirementAge: 65, filingStatus: 'MarriedFilingJointly', country: 'US', state: null });
    const deposit = (/** @type {number} */ amount) => `Date,Type,Symbol,Quantity,Price,Fees,Amount,Currency,Memo\n2024-01-02,Deposit,,,,,${amount},USD,Opening deposit\n`;
    for (const [name, type, amount] of [['Brokerage', 'TaxableBrokerage', 25000], ['IRA', 'TraditionalIra', 400000], ['Roth', 'RothIra', 10000]]) {
      const account = await apiSend('POST', `${h}/accounts`, { name, type, baseCurrency: 'USD' });
      await apiSend('POST', `${h}/imports/transactions?accountId=${account.id}`, deposit(Number(amount)));
    }

    await page.goto(`/households/${household.id}/plans`);
    const form = page.getByRole('form', { name: 'Plan' });
    await form.getByLabel('Plan with taxes').check();
    /** @param {string} label @param {string} want */
    const hasValue = async (label, want) => {
      const got = await form.getByLabel(label, { exact: true }).inputValue();
      if (got !== want) throw new Error(`${label}: expected ${want}, got ${got}`);
    };
    await hasValue('Taxable account', '25000');
    await hasValue('Tax-deferred (traditional IRA, 401(k))', '400000');
    await hasValue('Tax-free (Roth)', '10000');
    await hasValue('Starting balance', '435000');
    await hasValue('Filing status', 'marriedFilingJointly');
    // A gain in the brokerage account, and the IRA drawn up to the 12 % bracket first.
    await form.getByLabel('Its cost basis').fill('15000');
    await form.getByLabel('Withdrawal order').selectOption('fillBracket');
    await form.getByLabel('State income tax (%)').fill('5');
    await form.getByLabel('Plan name').fill('With taxes');
    await form.getByText('Market assumptions and simulation').click();
    await form.getByLabel('Paths').fill('2000');
    await form.getByRole('button', { name: 'Create plan' }).click();
    await page.getByRole('heading', { name: 'With taxes' }).waitFor();

    const [plan] = await apiGet(`${h}/plans`);
    const want = {
      filingStatus: 'marriedFilingJointly',
      stateRate: 0.05,
      accounts: { taxable: 25000, taxableBasis: 15000, taxDeferred: 400000, taxFree: 10000, hsa: 0 },
      withdrawalOrder: 'fillBracket',
      fillBracketRate: 0.12,
      contributionAccount: 'taxable',
    };
    if (JSON.stringify(plan.scenario.taxes) !== JSON.stringify(want) || plan.scenario.startBalance !== 435000) {
      throw new Error(`stored ${plan.scenario.startBalance} and ${JSON.stringify(plan.scenario.taxes)}`);
    }
  }, { shot: 'plan-taxes-form', independent: true });

  await test('a run shows lifetime taxes and the mean tax of each year', async () => {
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await page.getByTestId('lifetime-taxes').waitFor({ timeout: 120_000 });
    await page.getByTestId('taxes-chart').locator('.recharts-bar-rectangle').first().waitFor();
    const [plan] = await apiGet(`${h}/plans`);
    const runs = await apiGet(`${h}/plans/${plan.id}/simulations`);
    const run = await apiGet(`${h}/plans/${plan.id}/simulations/${runs[0].id}`);
    const taxes = run.result.taxes;
    // 35 tax years from 60 to 95; a traditional IRA of 400,000 pays tax every year (RMDs from 75 at the latest).
    if (taxes.years.length !== 35 || !(taxes.lifetimeReal.p50 > 0)) throw new Error(`taxes ${JSON.stringify(taxes).slice(0, 300)}`);
    const shown = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(taxes.lifetimeReal.p50);
    await expectText(page.getByTestId('lifetime-taxes'), shown);
    await page.getByText('Taxes by year as a table').click();
    await page.getByRole('region', { name: 'Taxes by year' }).getByRole('row').nth(35).waitFor();
  }, { shot: 'plan-taxes-result' });

  await test('two plans side by side: success, median at the end, lifetime taxes, one chart', async () => {
    const [taxed] = await apiGet(`${h}/plans`);
    const untaxed = { ...taxed.scenario };
    delete untaxed.taxes;
    const plain = await apiSend('POST', `${h}/plans`, { name: 'Without taxes', scenario: untaxed });
    const run = await apiSend('POST', `${h}/plans/${plain.id}/simulations?wait=true`, { paths: 2000, seed: 1 });
    // A fresh load: the second plan was made through the API, behind the page's back.
    await page.goto(`${h.replace('/api/v1', '')}/plans`);
    await page.getByRole('link', { name: 'Compare plans' }).click();
    const table = page.getByTestId('compare-table');
    const usd = (/** @type {number} */ v) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(v);
    const row = table.getByRole('row').filter({ hasText: 'Without taxes' });
    await expectText(row, usd(run.result.terminalWealthReal.p50));
    await expectText(row, 'not modelled');
    await expectText(table.getByRole('row').filter({ hasText: 'With taxes' }), 'paths');
    // Without taxes the same plan keeps more: its success is at least the taxed plan's (same seed 1, 2,000 paths).
    const taxedRun = (await apiGet(`${h}/plans/${taxed.id}/simulations`))[0];
    if (!(run.successProbability >= taxedRun.successProbability)) throw new Error(`untaxed ${run.successProbability} < taxed ${taxedRun.successProbability}`);
    if ((await page.getByTestId('compare-chart').locator('.recharts-line').count()) !== 2) throw new Error('expected two lines');
  }, { shot: 'plan-compare' });
}
