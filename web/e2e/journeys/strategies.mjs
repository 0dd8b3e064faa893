// Strategies (docs/strategies.md): the E2E user publishes one of the household's model portfolios, sees its
// performance since publication with a chart, follows it and copies it into the household's targets.
// Run by e2e/specs/38 on the E2E household (specs 02–03 make the user and the household).
//
// The proxies are two shared instruments an admin makes with closes of the first half of 2024 (the admin is made as
// in the advisors journey); the strategy is then dated back to 2 January 2024 in the server's SQLite file, as the orders
// journey backdates orders, so the closes lie after its publication.
import { call, sql, userWithRole } from './advisors.mjs';

/** @typedef {{ date: string, equity: number, bonds: number }} Row */

/** Weekday dates of 2024-01-02 … 2024-06-28 with two made-up but deterministic close series. */
/** @returns {Row[]} */
function closes() {
  /** @type {Row[]} */
  const rows = [];
  for (let d = new Date(Date.UTC(2024, 0, 2)), i = 0; d <= new Date(Date.UTC(2024, 5, 28)); d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
    rows.push({ date: d.toISOString().slice(0, 10), equity: Math.round((100 + 8 * Math.sin(i / 9) + i * 0.05) * 100) / 100, bonds: Math.round((50 + i * 0.01) * 100) / 100 });
    i++;
  }
  return rows;
}

/** 60/40, back to target at the first close of each month: the rule of docs/strategies.md, written again here. @param {Row[]} rows */
function expectedReturn(rows) {
  let value = 1;
  let units = { equity: 0.6 / rows[0].equity, bonds: 0.4 / rows[0].bonds };
  for (let t = 1; t < rows.length; t++) {
    value = units.equity * rows[t].equity + units.bonds * rows[t].bonds;
    if (rows[t].date.slice(0, 7) !== rows[t - 1].date.slice(0, 7)) units = { equity: (0.6 * value) / rows[t].equity, bonds: (0.4 * value) / rows[t].bonds };
  }
  return value - 1;
}

/** Spec 38: publish, see the performance, follow, copy. @param {any} kit */
export async function strategiesJourney({ test, page, expectText, householdUrl, apiSend }) {
  const rows = closes();
  const household = new URL(householdUrl).pathname;

  await test('strategies: an admin adds two shared proxies with closes; the household has a 60/40 model portfolio', async () => {
    const admin = await userWithRole('admin38@example.com', 'admin');
    /** @type {[string, string, (r: Row) => number][]} */
    const proxies = [
      ['EQ38', 'UsEquity', (r) => r.equity],
      ['BD38', 'Bonds', (r) => r.bonds],
    ];
    for (const [symbol, assetClass, close] of proxies) {
      const instrument = await call('POST', '/api/v1/instruments', admin, { symbol, name: `${symbol} proxy`, type: 'Etf', assetClass, currency: 'USD', exchange: 'NYSE' });
      await call('PUT', `/api/v1/instruments/${instrument.id}/prices`, admin, rows.map((r) => ({ date: r.date, close: close(r) })));
    }
    await apiSend('POST', `/api/v1${household}/model-portfolios`, {
      name: 'E2E sixty forty',
      description: 'Sixty percent US equity, forty percent bonds.',
      allocations: [
        { assetClass: 'UsEquity', weight: 0.6 },
        { assetClass: 'Bonds', weight: 0.4 },
      ],
    });
  });

  await test(
    'strategies: the household publishes its model portfolio and sees the performance since publication',
    async () => {
      await page.goto(`${householdUrl}/strategies`);
      const publish = page.getByRole('region', { name: 'Publish a model portfolio' });
      await publish.getByLabel('Model portfolio').selectOption({ label: 'E2E sixty forty' });
      await publish.getByLabel('Rebalancing').selectOption('Monthly');
      await publish.getByLabel('Name (default: the model’s)').fill('E2E dividend balance');
      await publish.getByRole('button', { name: 'Publish' }).click();
      await page.getByRole('heading', { name: 'E2E dividend balance', level: 1 }).waitFor();
      const strategyId = page.url().split('/').pop();
      if (!/^[0-9a-f-]{36}$/.test(strategyId ?? '')) throw new Error(`unexpected strategy address ${page.url()}`);
      await expectText(page.getByTestId('strategy-targets'), 'US equity');
      await expectText(page.getByTestId('strategy-targets'), 'EQ38');
      sql(`UPDATE strategies SET published_on = '2024-01-02' WHERE lower(id) = lower('${strategyId}');`);
      sql(`UPDATE strategy_revisions SET effective_on = '2024-01-02' WHERE lower(strategy_id) = lower('${strategyId}');`);
      await page.reload();
      const expected = new Intl.NumberFormat('en-US', { style: 'percent', signDisplay: 'exceptZero', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(expectedReturn(rows));
      await expectText(page.getByTestId('strategy-ttwror'), expected);
      await page.getByRole('img', { name: /Growth since publication/ }).waitFor();
    },
    { shot: 'strategy-performance' },
  );

  await test(
    'strategies: the household follows the strategy and copies it into its targets',
    async () => {
      const actions = page.getByRole('region', { name: 'Follow or copy' });
      await actions.getByRole('button', { name: 'Follow', exact: true }).click();
      await actions.getByRole('button', { name: 'Unfollow' }).waitFor();
      await actions.getByLabel('Copy as model portfolio named').fill('E2E copied balance');
      await actions.getByRole('button', { name: 'Copy', exact: true }).click();
      await expectText(actions.getByRole('status'), 'Copied as “E2E copied balance”, now this household’s targets');
      await page.getByRole('link', { name: 'All strategies' }).click();
      const listed = page.getByTestId('strategy-list').getByRole('listitem').filter({ hasText: 'E2E dividend balance' });
      await expectText(listed, 'following');
      await expectText(listed, '1 following');
    },
    { shot: 'strategy-followed' },
  );
}
