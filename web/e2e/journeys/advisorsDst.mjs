// Advisors across a daylight-saving change (docs/advisors.md, "Scheduling"), in the browser: an admin verifies a London
// advisor on the Admin page, and the E2E user (whose browser is in America/New_York, e2e/kit.mjs) looks at the advisor's
// free times around the next US spring change and books one. Run by e2e/specs/34 on the E2E household (specs 02–03).
//
// The advisor works Mondays 14:00–15:00 in London. New York moves to daylight time on the second Sunday of March, London
// only on the last Sunday: so the Monday before the US change 14:00 GMT is 09:00 in New York (UTC−5), the Monday after it
// is 10:00 (UTC−4), and the advisor's clock says 14:00 both times. The expected hours come from those published rules,
// not from the app.
import { baseURL } from '../kit.mjs';
import { call, signInWithRole, userWithRole } from './advisors.mjs';

/** The next US spring change (second Sunday of March) whose Monday before is at least three days ahead. */
function nextUsSpringChange() {
  const soon = Date.now() + 3 * 86_400_000;
  for (let year = new Date().getUTCFullYear(); ; year++) {
    const first = new Date(Date.UTC(year, 2, 1));
    const sunday = new Date(Date.UTC(year, 2, 1 + ((7 - first.getUTCDay()) % 7) + 7));
    if (sunday.getTime() - 6 * 86_400_000 >= soon) return sunday;
  }
}

/** @param {Date} d @param {number} days */
const plusDays = (d, days) => new Date(d.getTime() + days * 86_400_000);
/** @param {Date} d */
const isoDate = (d) => d.toISOString().slice(0, 10);

/** Spec 34: verify in the Admin page, then book across the change. @param {any} kit */
export async function advisorsDstJourney({ test, page, expectText, householdUrl, browser }) {
  const change = nextUsSpringChange();
  const [before, after] = [plusDays(change, -6), plusDays(change, 1)];
  const label = (/** @type {Date} */ d, /** @type {string} */ hour) =>
    `Book ${new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(d)}, ${hour}`;

  await test(
    'advisors: an admin verifies a new advisor on the Admin page',
    async () => {
      const advisor = await userWithRole('advisor34@example.com', 'advisor');
      await call('PUT', '/api/v1/advisor/profile', advisor, {
        displayName: 'Lee Hart',
        specialities: ['estate', 'retirement'],
        credentials: 'Chartered financial planner',
        languages: ['en'],
        timeZone: 'Europe/London',
        feeModel: 'flat',
        feeNote: 'GBP 150 a consultation',
        bio: 'Estate planning for families on both sides of the Atlantic.',
        slotMinutes: 60,
      });
      await call('PUT', '/api/v1/advisor/availability', advisor, { weekly: [{ day: 'monday', start: '14:00', end: '15:00' }], exceptions: [] });
      const tokens = await signInWithRole('admin34@example.com', 'admin');
      const context = await browser.newContext({ baseURL: baseURL(), locale: 'en-US', serviceWorkers: 'block' });
      try {
        const session = JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: Date.now() + tokens.expiresIn * 1000 });
        await context.addInitScript((/** @type {string} */ s) => window.localStorage.setItem('glidepath.session', s), session);
        const admin = await context.newPage();
        await admin.goto('/admin');
        const section = admin.getByRole('region', { name: 'Advisor verification' });
        const row = section.getByRole('row').filter({ hasText: 'Lee Hart' });
        await expectText(row, 'waiting');
        await expectText(row, 'Europe/London');
        await row.getByRole('button', { name: 'Verify Lee Hart' }).click();
        await expectText(row, 'verified');
        await row.getByRole('button', { name: 'Withdraw verification of Lee Hart' }).waitFor();
      } finally {
        await context.close();
      }
    },
    { shot: 'advisors-verified-in-admin' },
  );

  await test(
    'advisors: the household sees the London advisor’s Mondays move an hour on its New York clock across the US change, and books one',
    async () => {
      await page.goto(`${householdUrl}/advisors`);
      const find = page.getByRole('region', { name: 'Find an advisor' });
      await expectText(find.getByTestId('advisor-matches'), 'Lee Hart');
      await find.getByRole('button', { name: 'See free times with Lee Hart' }).click();
      await find.getByLabel('Show free times from').fill(isoDate(plusDays(before, -1)));
      const slots = find.getByTestId('slots').getByRole('button');
      // 14:00 in London is 09:00 in New York before the change and 10:00 after it.
      await slots.filter({ hasText: label(before, '09:00') }).waitFor();
      await slots.filter({ hasText: label(after, '10:00') }).waitFor();
      if ((await slots.count()) !== 2) throw new Error(`expected the two Mondays, saw ${await slots.allTextContents()}`);
      await slots.filter({ hasText: label(after, '10:00') }).click();
      const list = page.getByRole('region', { name: 'Your consultations' });
      const booked = list.getByTestId('consultation').filter({ hasText: 'Lee Hart' });
      await expectText(booked, '10:00 (booked)');
      await expectText(booked, '14:00 for the advisor (Europe/London)');
    },
    { shot: 'advisors-booked-across-dst' },
  );
}
