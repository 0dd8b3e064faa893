// The portfolio page: risk levels, frontier, targets, rebalance preview accepted with a step-up.
import { e2e } from '../kit.mjs';

e2e('portfolio page: risk level, model weights, efficient frontier with current and target', { shot: 'portfolio' }, async ({ page, state, expectText, apiGet, apiSend }) => {
  // The instruments journey classified the imported symbols; as funds of their classes, each class
  // of a model has something to buy.
  const id = state.householdUrl.split('/').at(-1);
  // The risk levels hold emerging markets and cash too (docs/assumptions.md): a fund of each, with
  // closes on the price file's dates, so every class of a level has something to buy.
  await apiSend('POST', `/api/v1/households/${id}/imports/prices`, 'Date,VWO,VMFXX\n2024-01-02,40.00,1.00\n2024-03-28,41.50,1.00\n2024-06-28,42.00,1.00\n');
  const list = (await apiGet(`/api/v1/instruments?householdId=${id}&inUse=true&pageSize=1000`)).items;
  const classes = {
    BND: ['Bonds', 'Total bond market'], VXUS: ['InternationalEquity', 'Total international stock'], VNQ: ['RealEstate', 'Real estate'], DBC: ['Commodities', 'Commodity index'],
    VWO: ['EmergingMarkets', 'Emerging markets stock'], VMFXX: ['Cash', 'Money market fund'],
  };
  for (const [symbol, [assetClass, name]] of Object.entries(classes)) {
    const instrument = list.find((/** @type {{ symbol: string }} */ i) => i.symbol === symbol);
    await apiSend('PUT', `/api/v1/instruments/${instrument.id}`, { ...instrument, type: 'Etf', assetClass, name });
  }
  await page.goto(`${state.householdUrl}/portfolio`);
  await page.getByRole('button', { name: 'Generate ten risk levels' }).click();
  await page.getByLabel('Model portfolio', { exact: true }).selectOption({ label: 'Risk level 2' });
  await expectText(page.getByTestId('model-weights'), 'Risk level 2');
  await expectText(page.getByTestId('model-weights'), 'Bonds');
  // The slider picks a level too (keyboard: arrow keys move it one level).
  await page.getByLabel('Risk level', { exact: true }).focus();
  await page.keyboard.press('ArrowLeft');
  await expectText(page.getByTestId('model-weights'), 'Risk level 1');
  // The plot's marks: the frontier's points and the two marked portfolios, each titled with its numbers.
  const marks = page.getByTestId('frontier-chart').getByTestId('frontier-mark');
  await marks.filter({ hasText: 'Current holdings: expected return' }).waitFor();
  await marks.filter({ hasText: 'Target: Risk level 1: expected return' }).waitFor();
  await expectText(page.getByTestId('frontier-points'), 'Current holdings');
  await expectText(page.getByTestId('frontier-points'), 'Target: Risk level 1');
});

e2e('rebalance preview: targets from the model, trades with reasons, accept with step-up, pending orders', { shot: 'rebalance-accepted', allow: [{ url: /rebalance-proposals\/[^/]+\/accept$/, status: 403 }] }, async ({ page, state, expectText, totp }) => {
  await page.getByRole('button', { name: 'Set the targets' }).click();
  await expectText(page.getByRole('status'), 'target(s) set from Risk level 1');
  await expectText(page.getByTestId('targets-table'), 'Bonds');
  await page.getByRole('button', { name: 'Preview rebalance' }).click();
  const trades = page.getByTestId('trades-table');
  await expectText(trades, 'BND');
  // Every trade says why, in one sentence from the server.
  await expectText(trades, 'below its');
  await expectText(page.getByTestId('drift-table'), 'In band');
  await expectText(page.getByTestId('rebalance-proposal'), 'estimated tax');
  if (!state.totpKey) throw new Error('accepting needs a user with two-factor sign-in (the settings test turns it on)');
  await page.getByRole('button', { name: 'Accept and create orders' }).click();
  // Placing orders needs a second factor from the last ten minutes. The settings tests' step-up
  // is usually still fresh; when it is not, the server answers 403 and the shared dialog asks.
  const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
  const accepted = page.getByRole('status').filter({ hasText: 'pending order(s) created' });
  await dialog.or(accepted).first().waitFor();
  if (await dialog.isVisible()) {
    await dialog.getByLabel('Authenticator code').fill(await totp());
    await dialog.getByRole('button', { name: 'Confirm' }).click();
  }
  await expectText(accepted, 'pending order(s) created');
  await expectText(page.getByTestId('orders-table'), 'Pending');
  await expectText(page.getByTestId('orders-table'), 'BND');
});
