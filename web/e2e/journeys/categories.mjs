// Categories and rules (docs/categories.md): a CSV import is categorised by the shipped payee dictionary,
// a category is set by hand from the transactions list, a rule is made from that transaction, previewed
// (the hand-set row keeps its category) and applied. A household of its own, made through the API.

/**
 * @param {{
 *   test: (name: string, body: () => Promise<void>, options?: object) => Promise<void>,
 *   page: import('playwright-core').Page,
 *   expectText: (locator: import('playwright-core').Locator, text: string) => Promise<void>,
 *   apiSend: (method: string, path: string, body?: unknown) => Promise<any>,
 * }} t
 */
export async function categoriesJourney({ test, page, expectText, apiSend }) {
  /** Waits until the select shows `label` (an option is never "visible" to Playwright, so its text is read). @param {import('playwright-core').Locator} select @param {string} label */
  const selected = async (select, label) => {
    for (let i = 0; i < 100; i++) {
      if ((await select.evaluate((/** @type {HTMLSelectElement} */ s) => s.selectedOptions[0]?.textContent ?? '')) === label) return;
      await page.waitForTimeout(100);
    }
    throw new Error(`the select does not show ${label}`);
  };
  /** @type {string} */
  let householdPath = '';
  await test('imported rows are categorised; a category is set by hand from the list', async () => {
    const household = await apiSend('POST', '/api/v1/households', { name: 'Categories household', reportingCurrency: 'USD' });
    householdPath = `/households/${household.id}`;
    const h = `/api/v1/households/${household.id}`;
    const account = await apiSend('POST', `${h}/accounts`, { name: 'Everyday checking', type: 'Checking', baseCurrency: 'USD' });
    await apiSend(
      'POST',
      `${h}/imports/transactions?accountId=${account.id}`,
      'Date,Type,Amount,Memo\n2024-01-15,Withdrawal,42.10,CORNER GROCER #12\n2024-01-20,Withdrawal,23.99,AMZN Mktp US*2K3AB1\n2024-01-22,Withdrawal,18.50,CORNER GROCER #12\n',
    );

    await page.goto(`${householdPath}/categories`);
    const rows = page.getByTestId('categorised-row');
    // The payee dictionary: AMZN Mktp … is Amazon, Amazon is Shopping/Online marketplaces.
    const amazon = rows.filter({ hasText: 'Amazon' });
    await expectText(amazon.getByTestId('row-source'), 'Dictionary');
    await selected(amazon.getByRole('combobox'), 'Shopping/Online marketplaces');

    await page.getByLabel('Category of Corner Grocer on 2024-01-22').selectOption({ label: 'Food/Groceries' });
    await expectText(rows.filter({ has: page.getByLabel('Category of Corner Grocer on 2024-01-22') }).getByTestId('row-source'), 'Manual');
    await selected(page.getByLabel('Category of Corner Grocer on 2024-01-15'), 'Uncategorised');
  }, { shot: 'categories-list' });

  await test('make a rule from a transaction, preview it, apply it', async () => {
    const row = page.getByTestId('categorised-row').filter({ has: page.getByLabel('Category of Corner Grocer on 2024-01-22') });
    await row.getByRole('button', { name: 'Make a rule' }).click();
    const form = page.getByRole('form', { name: 'New rule' });
    await selected(form.getByLabel('Set category'), 'Food/Groceries');
    if ((await form.getByLabel('Payee contains').inputValue()) !== 'Corner Grocer') throw new Error('the rule is not filled from the row');
    await form.getByRole('button', { name: 'Save rule' }).click();

    const rule = page.getByTestId('rule').filter({ hasText: 'Corner Grocer' });
    await rule.getByRole('button', { name: 'Preview' }).click();
    // Two rows match; the hand-set one keeps its category, so one would change.
    await expectText(rule.getByTestId('rule-result'), 'Preview: 2 match, 1 would change, 1 set by hand keep their category.');
    await selected(page.getByLabel('Category of Corner Grocer on 2024-01-15'), 'Uncategorised');
    await rule.getByRole('button', { name: 'Apply to existing' }).click();
    await expectText(rule.getByTestId('rule-result'), 'Applied: 2 match, 1 changed, 1 set by hand keep their category.');
    await selected(page.getByLabel('Category of Corner Grocer on 2024-01-15'), 'Food/Groceries');
    await expectText(
      page.getByTestId('categorised-row').filter({ has: page.getByLabel('Category of Corner Grocer on 2024-01-15') }).getByTestId('row-source'),
      'Rule',
    );
  }, { shot: 'categories-rule-applied' });
}
