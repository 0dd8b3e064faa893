// Editing a published strategy (docs/strategies.md, "Changing a strategy"): the E2E user publishes one of the household's
// model portfolios, then changes its name, description, rule, weights and the proxy of one asset class in the strategy
// page's edit form; the page shows revision 2 with the new weights and proxy. Run by e2e/specs/37 on the E2E household
// (specs 02–03 make the user and the household).
//
// The proxies are three shared instruments an admin makes (as in the strategies journey) with three closes each: fewer
// than spec 38's, so its publication (which picks the shared instrument with the most closes) keeps its own proxies.
import { call, userWithRole } from './advisors.mjs';

/** Spec 37: publish, then edit in the page. @param {any} kit */
export async function strategyEditJourney({ test, page, expectText, householdUrl, apiSend }) {
  const household = new URL(householdUrl).pathname;
  /** @type {Record<string, string>} */
  const ids = {};

  await test('strategy edit: an admin adds shared proxies; the household publishes a 70/30 strategy', async () => {
    const admin = await userWithRole('admin37@example.com', 'admin');
    for (const [symbol, assetClass] of [
      ['EQ37A', 'UsEquity'],
      ['EQ37B', 'UsEquity'],
      ['BD37', 'Bonds'],
    ]) {
      const instrument = await call('POST', '/api/v1/instruments', admin, { symbol, name: `${symbol} proxy`, type: 'Etf', assetClass, currency: 'USD', exchange: 'NYSE' });
      await call('PUT', `/api/v1/instruments/${instrument.id}/prices`, admin, [
        { date: '2024-01-02', close: 100 },
        { date: '2024-01-03', close: 101 },
        { date: '2024-01-04', close: 102 },
      ]);
      ids[symbol] = instrument.id;
    }
    const model = await apiSend('POST', `/api/v1${household}/model-portfolios`, {
      name: 'E2E seventy thirty',
      description: 'Seventy percent US equity, thirty percent bonds.',
      allocations: [
        { assetClass: 'UsEquity', weight: 0.7 },
        { assetClass: 'Bonds', weight: 0.3 },
      ],
    });
    const strategy = await apiSend('POST', `/api/v1${household}/strategies`, {
      modelPortfolioId: model.id,
      name: 'E2E steady seventy',
      description: 'Seventy thirty, once a year.',
      rebalancing: 'Annually',
      proxies: { UsEquity: ids.EQ37A, Bonds: ids.BD37 },
    });
    ids.strategy = strategy.id;
  });

  await test(
    'strategy edit: the publisher changes name, rule, weights and a proxy; the page shows revision 2',
    async () => {
      await page.goto(`${householdUrl}/strategies/${ids.strategy}`);
      await page.getByRole('heading', { name: 'E2E steady seventy', level: 1 }).waitFor();
      const section = page.getByRole('region', { name: 'Edit this strategy' });
      await section.getByRole('button', { name: 'Edit', exact: true }).click();
      const form = section.getByRole('form', { name: 'Edit this strategy' });
      await form.getByLabel('Name').fill('E2E steady sixty');
      await form.getByLabel('Description').fill('Sixty forty, each quarter.');
      await form.getByLabel('Rebalancing rule').selectOption('Quarterly');
      // A sum other than 100 % is refused in the page, before anything is sent.
      await form.getByLabel('US equity weight (%)').fill('65');
      await form.getByLabel('Bonds weight (%)').fill('40');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await expectText(form.getByRole('alert'), 'The weights add up to 105 %, not 100 %.');
      await form.getByLabel('US equity weight (%)').fill('60');
      await form.getByLabel('US equity priced by').selectOption({ label: 'EQ37B — EQ37B proxy' });
      await form.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('heading', { name: 'E2E steady sixty', level: 1 }).waitFor();
      // Saved: the form closes.
      await section.getByRole('button', { name: 'Edit', exact: true }).waitFor();
      const targets = page.getByTestId('strategy-targets');
      await expectText(targets.getByRole('row').filter({ hasText: 'US equity' }), '60.0%');
      await expectText(targets.getByRole('row').filter({ hasText: 'US equity' }), 'EQ37B');
      await expectText(targets.getByRole('row').filter({ hasText: 'Bonds' }), '40.0%');
      await expectText(page.getByRole('region', { name: 'Targets' }), 'revision 2');
      await expectText(page.getByRole('region', { name: 'Targets' }), 'first close of each quarter');
      // The server has it too: revision 2, the new proxy.
      const stored = await apiSend('GET', `/api/v1/strategies/${ids.strategy}`);
      if (stored.revision !== 2 || stored.proxies.find((/** @type {any} */ p) => p.assetClass === 'UsEquity')?.instrumentId !== ids.EQ37B) {
        throw new Error(`unexpected stored strategy ${JSON.stringify(stored)}`);
      }
    },
    { shot: 'strategy-edited' },
  );
}
