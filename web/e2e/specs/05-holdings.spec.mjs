// Holdings, lots and unrealised gains against hand-computed values.
import { e2e } from '../kit.mjs';

e2e('holdings with lots and unrealised gains', { shot: 'holdings' }, async ({ page, state, expectText }) => {
  await page.goto(`${state.householdUrl}/holdings`);
  const positions = page.getByTestId('positions-table');
  // 10 VTI bought at 200 + 1 fee, last close 250: value 2,500.00, gain 499.00.
  await expectText(positions.locator('tr', { hasText: 'VTI' }), '$2,500.00');
  await expectText(positions.locator('tr', { hasText: 'VTI' }), '$499.00');
  // 20 BND at 72, last close 71: gain -20.00.
  await expectText(positions.locator('tr', { hasText: 'BND' }), '-$20.00');
  // Lots sit under their position, closed until opened.
  await page.getByTestId('lot-groups').getByRole('button', { name: /VTI/, expanded: false }).click();
  await expectText(page.getByTestId('lots-table'), 'Jan 3, 2024');
});
