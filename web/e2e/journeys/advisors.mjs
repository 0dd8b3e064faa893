// Advisors (docs/advisors.md): an advisor writes a profile and weekly hours, an admin verifies it, the E2E user
// finds the advisor (with the reasons for the rank), books a slot, moves and cancels a consultation, and reviews
// one that ended. Run by e2e/specs/31–33 on the E2E household.
//
// Making an advisor and an admin needs an admin already: the documented bootstrap is the operator's CLI on the
// server's database (`glidepath users grant-role`, docs/security.md). The journey stands in for it with the same
// row the CLI writes (user_roles, through the sqlite3 command on GLIDEPATH_E2E_DB, as the orders journey backdates
// orders); nothing in the server opens a way to it. Both users then sign in with a second factor, as their roles demand.
import { execFileSync } from 'node:child_process';
import { baseURL, totpCode } from '../kit.mjs';

/** @param {string} statement */
export function sql(statement) {
  const database = process.env.GLIDEPATH_E2E_DB;
  if (!database) throw new Error('GLIDEPATH_E2E_DB is not set (e2e/global-setup.mjs sets it)');
  execFileSync('sqlite3', ['-cmd', '.timeout 10000', database, statement]);
}

/** @param {string} method @param {string} path @param {string | undefined} token @param {unknown} [body] @returns {Promise<any>} */
export async function call(method, path, token, body) {
  const res = await fetch(`${baseURL()}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Registers a user, enrols TOTP, gives the role as the CLI would, and signs in with the second factor. @param {string} email @param {string} role */
export async function userWithRole(email, role) {
  return (await signInWithRole(email, role)).accessToken;
}

/** As userWithRole, answering the whole token response (for a browser session). @param {string} email @param {string} role @returns {Promise<any>} */
export async function signInWithRole(email, role) {
  const password = 'a long e2e passphrase for ' + role;
  await call('POST', '/auth/register', undefined, { email, password });
  const first = await call('POST', '/auth/login', undefined, { email, password });
  const enrolment = await call('POST', '/api/v1/me/mfa/totp', first.accessToken);
  await call('POST', '/api/v1/me/mfa/totp/confirm', first.accessToken, { code: await totpCode(enrolment.sharedKey) });
  if (!/^[a-z]+$/.test(role) || !/^[a-z0-9@.-]+$/.test(email)) throw new Error('unexpected name');
  sql(
    `INSERT INTO user_roles (user_id, role_id) SELECT u.id, r.id FROM users u, roles r WHERE u.normalized_email = '${email.toUpperCase()}' AND r.name = '${role}';`,
  );
  // A fresh code: the confirmation's code cannot be used twice.
  await new Promise((r) => setTimeout(r, 31_000 - (Date.now() % 30_000)));
  return await call('POST', '/auth/login', undefined, { email, password, totpCode: await totpCode(enrolment.sharedKey) });
}

/** Spec 31: a verified advisor is found with reasons, and a slot is booked on the browser's clock. @param {any} kit */
export async function findAndBookJourney({ test, page, expectText, householdUrl }) {
  await test('advisors: an advisor writes a profile and hours, an admin verifies it', async () => {
    const advisor = await userWithRole('advisor31@example.com', 'advisor');
    await call('PUT', '/api/v1/advisor/profile', advisor, {
      displayName: 'Dana Reyes',
      specialities: ['retirement', 'tax', 'investing'],
      credentials: 'CFP',
      languages: ['en', 'es'],
      timeZone: 'America/New_York',
      feeModel: 'hourly',
      feeNote: 'USD 200 an hour',
      bio: 'Retirement income and tax-aware investing.',
      slotMinutes: 60,
    });
    const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
    await call('PUT', '/api/v1/advisor/availability', advisor, { weekly: days.map((day) => ({ day, start: '09:00', end: '10:00' })), exceptions: [] });
    const admin = await userWithRole('admin31@example.com', 'admin');
    const pending = await call('GET', '/api/v1/admin/advisors', admin);
    const profile = pending.find((/** @type {any} */ a) => a.email === 'advisor31@example.com').profile;
    if (profile.verified) throw new Error('a new profile is verified already');
    await call('POST', `/api/v1/admin/advisors/${profile.advisorId}/verify`, admin);
  });

  await test(
    'advisors: the household finds the advisor, sees why it ranks there, and books a slot',
    async () => {
      await page.goto(`${householdUrl}/advisors`);
      const find = page.getByRole('region', { name: 'Find an advisor' });
      await expectText(find.getByTestId('advisor-matches'), 'Dana Reyes');
      await expectText(find.getByRole('list', { name: 'Why Dana Reyes ranks here' }), 'free slots in the next 14 days');
      await find.getByRole('button', { name: 'See free times with Dana Reyes' }).click();
      // One slot a day: the third is at least two days ahead, outside the 24-hour notice period.
      const slots = find.getByTestId('slots').getByRole('button');
      await slots.nth(2).click();
      const list = page.getByRole('region', { name: 'Your consultations' });
      await expectText(list.getByTestId('consultation').first(), 'Dana Reyes');
      await expectText(list.getByTestId('consultation').first(), 'booked');
      await expectText(list.getByTestId('consultation').first(), 'America/New_York');
    },
    { shot: 'advisors-booked' },
  );
}

/** Spec 32: move the consultation to another slot, then cancel it. @param {any} kit */
export async function moveAndCancelJourney({ test, page, expectText, householdUrl, apiGet }) {
  await test(
    'advisors: a consultation is moved to another slot and then cancelled',
    async () => {
      await page.goto(`${householdUrl}/advisors`);
      const list = page.getByRole('region', { name: 'Your consultations' });
      const item = list.getByTestId('consultation').filter({ hasText: 'booked' }).first();
      const before = (await apiGet(`/api/v1${new URL(householdUrl).pathname}/consultations`)).find((/** @type {any} */ c) => c.status === 'booked');
      await item.getByRole('button', { name: 'Move' }).click();
      await item.getByRole('list', { name: 'New time' }).getByRole('button').nth(3).click();
      await page.waitForFunction(() => !document.querySelector('[aria-label="New time"]'));
      const after = (await apiGet(`/api/v1${new URL(householdUrl).pathname}/consultations`)).find((/** @type {any} */ c) => c.id === before.id);
      if (after.startUtc === before.startUtc) throw new Error('the consultation did not move');
      await list.getByTestId('consultation').filter({ hasText: 'booked' }).first().getByRole('button', { name: 'Cancel' }).click();
      await expectText(list.getByTestId('consultation').first(), 'cancelled');
    },
    { shot: 'advisors-cancelled' },
  );
}

/** Spec 33: a consultation that ended is reviewed once. @param {any} kit */
export async function reviewJourney({ test, page, expectText, householdUrl, apiGet, apiSend }) {
  await test(
    'advisors: after a consultation ended, its client reviews it once',
    async () => {
      const household = new URL(householdUrl).pathname;
      const matches = await apiGet(`/api/v1${household}/advisors`);
      const advisorId = matches.advisors.find((/** @type {any} */ a) => a.advisor.displayName === 'Dana Reyes').advisor.advisorId;
      const slots = await apiGet(`/api/v1${household}/advisors/${advisorId}/slots?timeZone=UTC`);
      const booked = await apiSend('POST', `/api/v1${household}/consultations`, { advisorId, startUtc: slots.slots[5].startUtc, timeZone: 'UTC' });
      // Stands in for the consultation's hour passing (the server tests move it the same way).
      const start = new Date(Date.now() - 3 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
      const end = new Date(Date.now() - 2 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
      if (!/^[0-9a-f-]{36}$/i.test(booked.id)) throw new Error('not a consultation id');
      sql(`UPDATE consultations SET start_utc = '${start}', end_utc = '${end}' WHERE lower(id) = lower('${booked.id}');`);
      await page.goto(`${householdUrl}/advisors`);
      const list = page.getByRole('region', { name: 'Your consultations' });
      const item = list.getByTestId('consultation').filter({ has: page.getByRole('button', { name: 'Send review' }) });
      await item.getByLabel('Rating').selectOption('4');
      await item.getByLabel('Comment').fill('Clear about asset location.');
      await item.getByRole('button', { name: 'Send review' }).click();
      await expectText(list, 'Your review: ★★★★☆ Clear about asset location.');
      await expectText(page.getByRole('region', { name: 'Find an advisor' }), 'Rated 4.0 from 1 review');
    },
    { shot: 'advisors-reviewed' },
  );
}
