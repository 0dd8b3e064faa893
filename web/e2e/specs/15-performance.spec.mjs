// Performance on the dashboard against a benchmark; drift and harvest alerts.
import { e2e } from '../kit.mjs';

e2e('dashboard performance against a benchmark, drift and harvest alerts', { shot: 'dashboard-performance' }, async ({ page, state, expectText }) => {
  await page.goto(`${state.householdUrl}/dashboard`);
  await page.getByRole('group', { name: 'Performance range' }).getByRole('button', { name: '5Y' }).click();
  // One deposit of 10,000 grew to 10,479 with no other flow: TWR = 4.79%.
  await expectText(page.getByTestId('twr'), '+4.8%');
  await expectText(page.getByTestId('mwr'), '%');
  await page.getByTestId('performance-chart').scrollIntoViewIfNeeded(); // drawn when scrolled into view (LazyChart whenVisible)
  await page.getByTestId('performance-chart').locator('.recharts-line-curve').waitFor({ state: 'attached' });
  // From the first close on: VTI went from 200 to 250 (+25.0%); the household's TWR is the same 4.79%.
  const performance = page.getByRole('region', { name: 'Performance' });
  await performance.getByLabel('From').fill('2024-01-03');
  await performance.getByLabel('Benchmark').selectOption('VTI');
  await expectText(page.getByTestId('benchmark-return'), '+25.0%');
  await expectText(page.getByTestId('twr'), '+4.8%');
  // The targets of Risk level 1 are far from today's holdings (the orders are only pending).
  await page.getByTestId('drift-alert').first().waitFor();
  await expectText(page.getByTestId('harvest-alert'), 'harvesting');
  // The allocation is shown against those targets: a Target column and the difference in points.
  const allocation = page.getByRole('region', { name: 'Allocation by asset class' });
  await expectText(allocation.getByRole('row', { name: /Bonds/ }), 'pts');
});
