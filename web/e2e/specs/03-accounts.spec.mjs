// A household and its first account through the forms, with the form's validation.
import { e2e } from '../kit.mjs';

e2e('create a household', { shot: 'dashboard-empty' }, async ({ page, state }) => {
  await page.goto('/');
  await page.getByLabel('Household name').fill('E2E household');
  await page.getByLabel('Reporting currency').fill('USD');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  state.householdUrl = page.url().replace(/\/dashboard$/, '');
});

e2e('validation messages on the account form', { shot: 'accounts-validation' }, async ({ page, state, expectText }) => {
  await page.goto(`${state.householdUrl}/accounts`);
  await page.getByRole('button', { name: 'Add account' }).click();
  await expectText(page.locator('.field-error'), 'Name is required');
  await page.getByLabel('Currency').fill('U1');
  await page.getByRole('button', { name: 'Add account' }).click();
  await expectText(page.locator('.field-error'), 'three-letter');
});

e2e('add an account', { shot: 'accounts' }, async ({ page }) => {
  await page.getByLabel('Name', { exact: true }).fill('Brokerage');
  await page.getByLabel('Currency').fill('USD');
  await page.getByLabel('Institution').fill('Example Securities');
  await page.getByLabel('Lot relief method').selectOption('Fifo');
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('link', { name: 'Brokerage', exact: true }).waitFor();
});
