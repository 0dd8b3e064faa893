// Budgets and cash flow (docs/budgets.md): a household of its own, made through the API, with two months of everyday
// spending categorised by the shipped payee dictionary. Spec 41 sets a budget with rollover and reads its progress in
// both months; spec 42 reads the cash-flow page. The numbers are worked by hand in the comments.

/**
 * @typedef {{
 *   test: (name: string, body: () => Promise<void>, options?: object) => Promise<void>,
 *   page: import('playwright-core').Page,
 *   expectText: (locator: import('playwright-core').Locator, text: string) => Promise<void>,
 *   apiSend: (method: string, path: string, body?: unknown) => Promise<any>,
 *   apiGet: (path: string) => Promise<any>,
 * }} Kit
 */

const householdName = 'Budgets household';

/** The household of these journeys (made by spec 41, found again by spec 42). @param {Kit} kit */
async function budgetsHousehold({ apiGet, apiSend }) {
  const households = /** @type {{ id: string, name: string }[]} */ (await apiGet('/api/v1/households'));
  const found = households.find((h) => h.name === householdName);
  if (found) return found.id;
  const household = await apiSend('POST', '/api/v1/households', { name: householdName, reportingCurrency: 'USD' });
  const h = `/api/v1/households/${household.id}`;
  const account = await apiSend('POST', `${h}/accounts`, { name: 'Everyday checking', type: 'Checking', baseCurrency: 'USD' });
  // Tesco and Whole Foods are Food/Groceries, Shell is Transport/Fuel (the payee dictionary); the Tesco deposit is a refund.
  await apiSend(
    'POST',
    `${h}/imports/transactions?accountId=${account.id}`,
    'Date,Type,Amount,Memo\n' +
      '2024-01-05,Withdrawal,150.00,TESCO STORES 1234\n2024-01-10,Withdrawal,80.00,SHELL OIL 5555\n2024-01-20,Withdrawal,100.00,WHOLE FOODS MARKET\n' +
      '2024-02-03,Withdrawal,420.00,TESCO STORES 1234\n2024-02-11,Withdrawal,130.00,SHELL OIL 5555\n2024-02-20,Deposit,20.00,TESCO STORES REFUND\n',
  );
  return household.id;
}

/** Spec 41: set a budget and see its progress. @param {Kit} kit */
export async function budgetsJourney(kit) {
  const { test, page, expectText } = kit;
  await test('set a budget with rollover and see its progress', async () => {
    const id = await budgetsHousehold(kit);
    await page.goto(`/households/${id}/budgets`);
    await page.getByRole('link', { name: 'Budgets', exact: true }).waitFor();
    await page.getByLabel('Month', { exact: true }).fill('2024-01');
    await expectText(page.getByText(/No budget applies to 2024-01/), 'No budget applies');

    const form = page.getByRole('form', { name: 'Set a budget' });
    await form.getByLabel('Category').selectOption({ label: 'Food' });
    await form.getByLabel('Amount a month').fill('400');
    await form.getByLabel('Roll over what is left').check();
    await form.getByRole('button', { name: 'Save budget from 2024-01' }).click();

    // January: Tesco 150.00 + Whole Foods 100.00 = 250.00 of 400.00, 150.00 left (62.5 %).
    const food = page.getByTestId('budget-line').filter({ hasText: 'Food' });
    await expectText(food.getByTestId('budget-spent'), '$250.00 of $400.00');
    await expectText(food.getByTestId('budget-remaining'), '$150.00 left');
    if ((await food.getByRole('progressbar').getAttribute('aria-valuenow')) !== '63') throw new Error('January is not at 63 %');
  }, { shot: 'budgets-january' });

  await test('the next month carries what was left, and rollover can be turned off', async () => {
    // February: 400.00 + 150.00 carried = 550.00; Tesco 420.00 less the 20.00 refund = 400.00 spent, 150.00 left.
    await page.getByLabel('Month', { exact: true }).fill('2024-02');
    const food = page.getByTestId('budget-line').filter({ hasText: 'Food' });
    await expectText(food.getByTestId('budget-spent'), '$400.00 of $550.00');
    await expectText(food, '$150.00 carried in');
    await expectText(page.getByTestId('budget-totals'), '$130.00');   // fuel is spent outside budgets: 130.00
    // Without rollover February starts from 400.00: 400.00 spent of 400.00, nothing left.
    await page.getByLabel('Roll over Food').uncheck();
    await expectText(food.getByTestId('budget-spent'), '$400.00 of $400.00');
    await expectText(food.getByTestId('budget-remaining'), '$0.00 left');
  }, { shot: 'budgets-february' });

  await test('spending in euros counts at the rate fixed for its month', async () => {
    // March (after spec 42's range): a euro card pays Tesco 100.00 EUR. With 1 EUR fixed at 1.10 USD for March, Food has
    // 110.00 of 400.00 spent (rollover is off since the test above).
    const id = await budgetsHousehold(kit);
    const h = `/api/v1/households/${id}`;
    const accounts = /** @type {{ id: string, name: string }[]} */ (await kit.apiGet(`${h}/accounts`));
    if (!accounts.some((a) => a.name === 'Euro card')) {
      const card = await kit.apiSend('POST', `${h}/accounts`, { name: 'Euro card', type: 'CreditCard', baseCurrency: 'EUR' });
      await kit.apiSend('POST', `${h}/imports/transactions?accountId=${card.id}`, 'Date,Type,Amount,Memo\n2024-03-05,Withdrawal,100.00,TESCO STORES 1234\n');
    }
    await page.getByLabel('Month', { exact: true }).fill('2024-03');
    const rates = page.getByTestId('month-fx-rates');
    const form = rates.getByRole('form', { name: 'Fix an FX rate for the month' });
    await form.getByLabel('Currency').fill('EUR');
    await form.getByLabel('Rate').fill('1.10');
    await form.getByRole('button', { name: 'Fix the rate for 2024-03' }).click();
    await expectText(rates, '1 EUR = 1.1 USD');
    const food = page.getByTestId('budget-line').filter({ hasText: 'Food' });
    await expectText(food.getByTestId('budget-spent'), '$110.00 of $400.00');
  }, { shot: 'budgets-fx-rate' });
}

/** Spec 42: read the cash-flow page. @param {Kit} kit */
export async function cashFlowJourney(kit) {
  const { test, page, expectText } = kit;
  await test('income and expense by month, spending by category and top payees', async () => {
    const id = await budgetsHousehold(kit);
    await page.goto(`/households/${id}/cash-flow`);
    await page.getByLabel('From').fill('2024-01-01');
    await page.getByLabel('To').fill('2024-02-29');
    // January: 150 + 80 + 100 = 330.00 out. February: 420 + 130 − 20 = 530.00, +200.00 on January (+60.6 %).
    const months = page.getByTestId('cash-flow-month');
    await expectText(months.filter({ hasText: '2024-02' }), '+$200.00 (+60.6%)');
    await expectText(months.filter({ hasText: '2024-01' }), '$330.00');
    await expectText(page.getByTestId('cash-flow-totals'), '$860.00');
    await page.getByTestId('cash-flow-chart').locator('svg.recharts-surface').first().waitFor();
    await page.getByTestId('spending-chart').locator('svg.recharts-surface').first().waitFor();
    // Groceries 150 + 100 + 420 − 20 = 650.00 (75.6 % of 860.00); fuel 210.00 (24.4 %).
    await expectText(page.getByTestId('spending-row').filter({ hasText: 'Food/Groceries' }), '$650.00');
    await expectText(page.getByTestId('spending-row').filter({ hasText: 'Food/Groceries' }), '75.6%');
    await expectText(page.getByTestId('spending-row').filter({ hasText: 'Transport/Fuel' }), '$210.00');
    // Tesco 150 + 420 − 20 = 550.00 over three entries, then Shell 210.00, then Whole Foods 100.00.
    const payees = await page.getByTestId('payee-row').allTextContents();
    if (payees.length !== 3 || !payees[0]?.startsWith('Tesco × 3') || !payees[0].endsWith('$550.00') || !payees[1]?.startsWith('Shell') || !payees[2]?.startsWith('Whole Foods'))
      throw new Error(`top payees: ${payees.join(' | ')}`);
  }, { shot: 'cash-flow' });
}
