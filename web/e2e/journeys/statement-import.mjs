// Journey: import a bank statement (issue 22). Two hand-made files in e2e/fixtures: a QIF with one grocery purchase
// (Corner Grocer, -42.10 on 2024-01-15) and an OFX 2.2 statement of the same month whose first line is that purchase
// again, posted two days later and spelled "CORNER GROCER #12" under its own FITID (docs/statements.md,
// "De-duplication"). The QIF is previewed and confirmed; the OFX's preview lists the look-alike, the import waits for
// the user's decision, the row is skipped as the same purchase and the other three lines are booked.
import { join } from 'node:path';

/**
 * @param {{
 *   test: (name: string, body: () => Promise<void>, options?: object) => Promise<void>,
 *   page: import('playwright-core').Page,
 *   expectText: (locator: import('playwright-core').Locator, text: string) => Promise<void>,
 *   apiGet: (path: string) => Promise<any>,
 *   apiSend: (method: string, path: string, body?: unknown) => Promise<any>,
 *   householdUrl: string,
 *   fixtures: string,
 * }} t
 */
export async function statementImportJourney({ test, page, expectText, apiGet, apiSend, householdUrl, fixtures }) {
  const householdId = householdUrl.split('/').at(-1);
  /** @type {{ id: string } | null} */
  let account = null;
  const section = () => page.getByRole('region', { name: 'Import a bank, card or broker statement (OFX, QFX, QIF)' });
  const stored = async () => (await apiGet(`/api/v1/households/${householdId}/transactions?accountId=${account?.id}`)).totalCount;
  const open = async (/** @type {string} */ file) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${householdUrl}/import`);
    await section().getByLabel('Book the statement into').selectOption({ label: 'Everyday Checking' });
    await section().getByLabel('Statement file').setInputFiles(join(fixtures, file));
    await section().getByRole('button', { name: 'Preview statement' }).click();
  };

  await test('statement import: a QIF previewed with its category, nothing stored, then confirmed', async () => {
    account = await apiSend('POST', `/api/v1/households/${householdId}/accounts`, { name: 'Everyday Checking', type: 'Checking', baseCurrency: 'USD' });
    await open('statement-2024-01-early.qif');
    const preview = page.getByTestId('statement-preview');
    await expectText(preview, 'Corner Grocer');
    await expectText(preview, 'Food:Groceries');
    if ((await stored()) !== 0) throw new Error('the preview stored transactions');
    await section().getByRole('button', { name: 'Confirm and import' }).click();
    await expectText(page.getByTestId('statement-result'), 'Imported 1 transaction(s) (qif)');
  });

  await test('statement import: an overlapping OFX lists the look-alike, waits for the decision, skips it and books the rest', async () => {
    await open('statement-2024-01.ofx');
    const duplicates = page.getByTestId('possible-duplicates');
    await expectText(duplicates, 'CORNER GROCER #12');
    await expectText(duplicates, 'Corner Grocer');
    const confirm = section().getByRole('button', { name: 'Decide row(s) 1 first' });
    if (!(await confirm.isDisabled())) throw new Error('the import did not wait for the decision');
    await section().getByLabel('Same transaction: skip row 1').check();
    await section().getByRole('button', { name: 'Confirm and import' }).click();
    await expectText(page.getByTestId('statement-result'), 'Imported 3 transaction(s) (ofx); 1 already present or skipped');
    if ((await stored()) !== 4) throw new Error(`expected 4 stored transactions, found ${await stored()}`);
  });
}
