// The transactions list: filters and paging.
import { e2e } from '../kit.mjs';

e2e('transactions with filters and paging', { shot: 'transactions' }, async ({ page, state, expectText }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${state.householdUrl}/transactions`);
  await expectText(page.getByTestId('transactions-table'), 'Opening deposit');
  await page.getByLabel('From').fill('2024-01-03');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expectText(page.getByRole('navigation', { name: 'Pages' }), '2 transactions');
});
