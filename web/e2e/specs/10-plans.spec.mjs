// A plan: create, run (fan chart, success probability), solve for saving.
import { e2e } from '../kit.mjs';

e2e('create a plan and run it: fan chart and success probability', { shot: 'plan' }, async ({ page, state }) => {
  await page.goto(`${state.householdUrl}/plans`);
  await page.getByLabel('Plan name').fill('Retire at 65');
  await page.getByRole('button', { name: "Use today's net worth" }).click();
  await page.getByText('Market assumptions and simulation').click();
  await page.getByLabel('Paths').fill('2000');
  await page.getByRole('button', { name: 'Create plan' }).click();
  await page.getByRole('heading', { name: 'Retire at 65' }).waitFor();
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await page.getByTestId('success-probability').waitFor({ timeout: 120_000 });
  await page.getByTestId('fan-chart').locator('.recharts-area').first().waitFor();
  await page.getByRole('button', { name: 'Nominal' }).click();
});

e2e('solve for the monthly saving', { shot: 'plan-solved' }, async ({ page, expectText }) => {
  await page.getByRole('button', { name: 'Solve' }).click();
  await expectText(page.getByTestId('solve-answer'), 'to reach 85%');
});
