// Net worth and allocation on the dashboard.
import { e2e } from '../kit.mjs';

e2e('net worth on the dashboard', { shot: 'dashboard' }, async ({ page, state, expectText }) => {
  await page.goto(`${state.householdUrl}/dashboard`);
  // Cash 10,000 - 2,001 - 1,440 = 6,559, plus 2,500 + 1,420 of holdings.
  await expectText(page.getByTestId('net-worth'), '$10,479.00');
  // The charts draw when scrolled into view (LazyChart whenVisible).
  await page.getByTestId('allocation-chart').scrollIntoViewIfNeeded();
  await page.getByTestId('allocation-chart').locator('.recharts-pie-sector').first().waitFor();
  await page.getByRole('group', { name: 'Range', exact: true }).getByRole('button', { name: '1Y' }).click();
  await page.getByTestId('net-worth-chart').scrollIntoViewIfNeeded();
  await page.getByTestId('net-worth-chart').locator('.recharts-line-curve').waitFor({ state: 'attached' }); // a flat line has no height
});
