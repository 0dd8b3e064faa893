// Every page of the app on a phone (390 × 844, signed in): the page itself never scrolls sideways
// (wide tables scroll inside their own region). Called last, when the journeys before have given
// each page something to show: holdings and lots, transactions, a plan with a run, targets and
// orders, a wash sale on the tax page, manual assets, sessions.

const width = 390;

/**
 * @param {{
 *   test: (name: string, body: () => Promise<void>, options?: object) => Promise<void>,
 *   page: import('playwright-core').Page,
 *   apiGet: (path: string) => Promise<any>,
 *   householdUrl: string,
 * }} t
 */
export async function phoneJourney({ test, page, apiGet, householdUrl }) {
  const householdId = householdUrl.split('/').pop();
  const plans = await apiGet(`/api/v1/households/${householdId}/plans`).catch(() => []);
  const households = await apiGet('/api/v1/households').catch(() => []);
  const taxHousehold = households.find((/** @type {{ name: string }} */ h) => h.name === 'Tax household');

  /** @type {[string, string, (() => Promise<void>)?][]} name, address, what to wait for before measuring */
  const pages = [
    ['households', '/'],
    ['dashboard', `${householdUrl}/dashboard`, () => page.getByTestId('net-worth').waitFor()],
    ['accounts', `${householdUrl}/accounts`],
    ['net worth', `${householdUrl}/net-worth`],
    ['holdings', `${householdUrl}/holdings`, async () => {
      // An open lot group too: its table scrolls in its own region.
      await page.getByTestId('lot-groups').getByRole('button').first().click();
      await page.getByTestId('lots-table').first().waitFor();
    }],
    ['transactions', `${householdUrl}/transactions`, () => page.getByTestId('transactions-table').waitFor()],
    ['instruments', `${householdUrl}/instruments`],
    ['import', `${householdUrl}/import`],
    ['plans', `${householdUrl}/plans`, () => page.getByRole('form', { name: 'Plan' }).waitFor()],
    ...(plans[0] ? [/** @type {[string, string]} */ (['plan', `${householdUrl}/plans/${plans[0].id}`])] : []),
    ['portfolio', `${householdUrl}/portfolio`, async () => {
      // The frontier (plain SVG, sized to its box): drawn, it must fit the width too.
      await page.getByTestId('frontier-chart').getByTestId('frontier-mark').first().waitFor();
    }],
    ['tax', taxHousehold ? `/households/${taxHousehold.id}/tax?year=2024` : `${householdUrl}/tax`, () => (taxHousehold ? page.getByTestId('gains-table').waitFor() : Promise.resolve())],
    ['settings', `${householdUrl}/settings`, () => page.getByTestId('sessions').waitFor()],
    ['advisor', '/advisor'],
    ['sign in', '/sign-in'],
    ['sign up', '/sign-up'],
    ['password reset', '/reset-password'],
    ['not found', '/no/such/page'],
  ];

  await page.setViewportSize({ width, height: 844 });
  for (const [name, address, ready] of pages) {
    await test(`on a phone: ${name}`, async () => {
      await page.goto(address);
      await page.locator('h1').first().waitFor();
      await ready?.();
      await page.waitForLoadState('networkidle');
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) {
        // Name the widest elements that are not inside a scrolling region, to say what to fix.
        const culprits = await page.evaluate((w) => {
          const out = [];
          for (const el of Array.from(document.querySelectorAll('body *'))) {
            if (el.getBoundingClientRect().right <= w) continue;
            let scrolled = false;
            for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') scrolled = true;
            if (!scrolled || getComputedStyle(el).position === 'absolute') out.push(`${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').split(' ').slice(0, 3).join('.')}`);
          }
          return out.slice(0, 5);
        }, width);
        throw new Error(`the page is ${scrollWidth}px wide on a ${width}px screen: ${culprits.join(', ')}`);
      }
    }, { shot: `phone-${name.replace(/\s+/g, '-')}`, independent: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
