// End-to-end tests: the real server (built binary, fresh SQLite database, no demo data, a free
// loopback port) driven through Debian's chromium with playwright-core. Every page gets a
// screenshot (e2e/artifacts/) and an axe-core check; any console error or failed request that a
// step did not expect fails the run. Writes e2e/artifacts/results.json: {passed, failed, skipped}.
//   npm run build && dotnet build src/Glidepath.Server -p:SkipWebBuild=true && npm run e2e
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHmac } from 'node:crypto';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer, serverDll } from '../scripts/server.mjs';
import { instrumentsJourney } from './journeys/instruments.mjs';
import { handEntryJourneys } from './journeys/hand-entry.mjs';
import { netWorthJourney } from './journeys/netWorth.mjs';
import { planPrefillJourney } from './journeys/planPrefill.mjs';
import { planPreviewJourney } from './journeys/plan-preview.mjs';
import { phoneJourney } from './journeys/phone.mjs';
import { pwaJourney } from './journeys/pwa.mjs';
import { realtimeJourney } from './journeys/realtime.mjs';

const here = import.meta.dirname;
const artifacts = join(here, 'artifacts');
const fixtures = join(here, 'fixtures');
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });

const wwwroot = join(serverDll(), '..', 'wwwroot', 'index.html');
if (!existsSync(wwwroot)) throw new Error(`No web build next to the server (${wwwroot}): build without SkipWebBuild, or copy web/dist there.`);

// The suite drives one user through every page in about two minutes, far faster than a person:
// above the default 60 API requests and 30 expensive reads a minute per user. The limiters have their own server tests.
const server = await startServer({ env: { RateLimits__ApiPerMinute: '1000', RateLimits__ReadCostPerMinute: '100000' } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
// Service workers are blocked here, so no journey runs through the PWA's worker; pwa.mjs checks it in a context of its own.
const context = await browser.newContext({ baseURL: server.url, locale: 'en-US', timezoneId: 'America/New_York', viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
const page = await context.newPage();
page.setDefaultTimeout(30_000);

/** Problems seen in the browser; a step may expect some (e.g. a 422 for a rejected file). @type {string[]} */
let problems = [];
/** @type {{ url: RegExp, status: number }[]} */
let expected = [];
/** Responses a step may or may not see (e.g. a 403 step-up-required that depends on earlier steps). @type {{ url: RegExp, status: number }[]} */
let allowed = [];
page.on('console', (m) => {
  if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
});
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
page.on('requestfailed', (r) => {
  // A navigation away can abort a pending request; that is not a failure of the page.
  if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`);
});
page.on('response', (r) => {
  if (r.status() >= 400) {
    const i = expected.findIndex((e) => e.url.test(r.url()) && e.status === r.status());
    if (i >= 0) expected.splice(i, 1);
    else if (allowed.some((a) => a.url.test(r.url()) && a.status === r.status())) return;
    else problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
  }
});

/** @type {{ name: string, status: 'passed' | 'failed' | 'skipped', ms?: number, error?: string, reason?: string }[]} */
const results = [];
let stopped = false;

/**
 * One test: runs `body`, then checks the page with axe, takes a screenshot and fails on any
 * unexpected browser problem. After a failure the later tests (which build on it) are skipped.
 * @param {string} name
 * @param {() => Promise<void>} body
 * @param {{ expect?: { url: RegExp, status: number }[], allow?: { url: RegExp, status: number }[], shot?: string, independent?: boolean }} [options]
 */
async function test(name, body, options = {}) {
  if (stopped) {
    results.push({ name, status: 'skipped', reason: 'an earlier test failed' });
    console.log(`- skipped ${name}`);
    return;
  }
  problems = [];
  expected = [...(options.expect ?? [])];
  allowed = [...(options.allow ?? [])];
  const started = Date.now();
  try {
    await body();
    await page.waitForLoadState('networkidle');
    const shot = options.shot ?? name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    await page.screenshot({ path: join(artifacts, `${shot}.png`), fullPage: true });
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const violations = axe.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
    if (violations.length > 0) throw new Error(`axe: ${violations.length} violation(s):\n  ${violations.join('\n  ')}`);
    // Browsers log a rejected fetch as a console error too; an expected status is not a problem.
    const unexpected = problems.filter((p) => !(p.startsWith('console error: Failed to load resource') && [...(options.expect ?? []), ...(options.allow ?? [])].some((e) => p.includes(`status of ${e.status}`))));
    if (unexpected.length > 0) throw new Error(`browser problems:\n  ${unexpected.join('\n  ')}`);
    if (expected.length > 0) throw new Error(`expected responses that never came: ${expected.map((e) => `${e.status} ${e.url}`).join(', ')}`);
    results.push({ name, status: 'passed', ms: Date.now() - started });
    console.log(`✓ ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    if (!options.independent) stopped = true;
    results.push({ name, status: 'failed', error: String(e instanceof Error ? e.message : e) });
    console.log(`✗ ${name}\n  ${String(e instanceof Error ? e.stack : e).replace(/\n/g, '\n  ')}`);
    await page.screenshot({ path: join(artifacts, `FAILED-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`), fullPage: true }).catch(() => undefined);
  }
}

/** @param {string} name @param {string} reason */
function skip(name, reason) {
  results.push({ name, status: 'skipped', reason });
  console.log(`- skipped ${name}: ${reason}`);
}

/**
 * A GET from inside the page, with the signed-in user's bearer token (when there is one).
 * @param {string} path
 * @returns {Promise<any>}
 */
async function apiGet(path) {
  return page.evaluate(async (p) => {
    const session = JSON.parse(localStorage.getItem('glidepath.session') ?? 'null');
    const res = await fetch(p, { headers: session ? { Authorization: `Bearer ${session.accessToken}` } : {} });
    if (!res.ok) throw new Error(`GET ${p} answered ${res.status}`);
    return res.json();
  }, path);
}

/**
 * A call from inside the page with the signed-in user's bearer token; JSON in and out (a string body goes as text/csv).
 * @param {string} method @param {string} path @param {unknown} [body]
 * @returns {Promise<any>}
 */
async function apiSend(method, path, body) {
  return page.evaluate(async ([m, p, b]) => {
    const session = JSON.parse(localStorage.getItem('glidepath.session') ?? 'null');
    /** @type {Record<string, string>} */
    const headers = session ? { Authorization: `Bearer ${session.accessToken}` } : {};
    if (b !== undefined) headers['Content-Type'] = typeof b === 'string' ? 'text/csv' : 'application/json';
    const res = await fetch(p, { method: m, headers, body: b === undefined ? undefined : typeof b === 'string' ? b : JSON.stringify(b) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${m} ${p} answered ${res.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  }, /** @type {[string, string, unknown]} */ ([method, path, body]));
}

/** The text of a file the page hands the browser to save, after `click` triggers it. @param {() => Promise<void>} click */
async function downloaded(click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(file, 'utf8') };
}

/**
 * The current RFC 6238 code (SHA-1, 30 s, 6 digits) for a base32 secret: what an authenticator app shows.
 * @param {string} secret
 */
/** Time steps already used per secret: the server accepts each step once per user, so a second code waits for the next step. */
const usedSteps = new Map();

/** A TOTP code for a time step not used yet (RFC 6238, 30 s, SHA-1, 6 digits). @param {string} secret */
async function totp(secret) {
  let step = Math.floor(Date.now() / 30_000);
  while (step <= (usedSteps.get(secret) ?? -1)) {
    await new Promise((r) => setTimeout(r, 1_000));
    step = Math.floor(Date.now() / 30_000);
  }
  usedSteps.set(secret, step);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/[\s=-]/g, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** @param {import('playwright-core').Locator} locator @param {string} text */
async function expectText(locator, text) {
  await locator.filter({ hasText: text }).first().waitFor();
}

const openapi = await (await fetch(`${server.url}/openapi/v1.json`)).json();
const hasAuth = Boolean(openapi.paths?.['/auth/register']);
if (!hasAuth) console.log('note: this server has no /auth: the tests run signed out');
let householdUrl = '';
let totpKey = '';
const email = 'e2e@example.com';
const password = 'correct horse battery staple';

try {
  await test('OpenAPI types are current', async () => {
    const committed = JSON.parse(readFileSync(join(here, '..', 'src', 'api', 'openapi.json'), 'utf8'));
    const live = { ...openapi, servers: undefined };
    if (JSON.stringify({ ...committed, servers: undefined }) !== JSON.stringify(live)) throw new Error('src/api/openapi.json differs from the server\'s /openapi/v1.json: run npm run api:types');
    await page.goto('/');
    // Signed out, the households list answers 401 and the app asks the user to sign in.
    if (hasAuth) await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    else await page.getByRole('heading', { name: 'Households', exact: true }).waitFor();
  }, { shot: 'signed-out', independent: true, expect: hasAuth ? [{ url: /\/api\/v1\/households$/, status: 401 }] : [] });

  if (hasAuth) {
    await test('sign up', async () => {
      await page.goto('/sign-up');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByLabel('Password again').fill(password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { name: 'Households', exact: true }).waitFor();
      // Registration gives the new user a household of their own.
      await page.getByRole('link', { name: 'My household' }).waitFor();
    });
  } else {
    skip('sign up', 'this server has no /auth/register yet (auth issue not merged)');
  }

  await test('create a household', async () => {
    await page.goto('/');
    await page.getByLabel('Household name').fill('E2E household');
    await page.getByLabel('Reporting currency').fill('USD');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    householdUrl = page.url().replace(/\/dashboard$/, '');
  }, { shot: 'dashboard-empty' });

  await test('validation messages on the account form', async () => {
    await page.goto(`${householdUrl}/accounts`);
    await page.getByRole('button', { name: 'Add account' }).click();
    await expectText(page.locator('.field-error'), 'Name is required');
    await page.getByLabel('Currency').fill('U1');
    await page.getByRole('button', { name: 'Add account' }).click();
    await expectText(page.locator('.field-error'), 'three-letter');
  }, { shot: 'accounts-validation' });

  await test('add an account', async () => {
    await page.getByLabel('Name', { exact: true }).fill('Brokerage');
    await page.getByLabel('Currency').fill('USD');
    await page.getByLabel('Institution').fill('Example Securities');
    await page.getByLabel('Lot relief method').selectOption('Fifo');
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('link', { name: 'Brokerage' }).waitFor();
  }, { shot: 'accounts' });

  await test('import prices', async () => {
    await page.goto(`${householdUrl}/import`);
    await page.getByLabel('Daily prices').check();
    await page.getByLabel('CSV file').setInputFiles(join(fixtures, 'prices.csv'));
    await expectText(page.getByTestId('import-preview'), '2024-06-28');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    // Wide layout: five symbols on three days (hand-made fixture prices, not market data).
    await expectText(page.getByTestId('import-result'), 'Imported 15 row(s)');
  }, { shot: 'import-prices' });

  await test('a bad transactions file shows its row errors and imports nothing', async () => {
    await page.getByLabel('Transactions of one account').check();
    await page.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'Brokerage' });
    await page.getByLabel('CSV file').setInputFiles(join(fixtures, 'transactions-bad.csv'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expectText(page.getByRole('alert'), 'Nothing was imported');
    const rows = await page.getByTestId('import-errors').locator('tbody tr').count();
    if (rows < 2) throw new Error(`expected an error for each of the two bad rows, got ${rows}`);
    // Nothing may have been stored: the server says so, and so does the ledger.
    const id = householdUrl.split('/').at(-1);
    const tx = await apiGet(`/api/v1/households/${id}/transactions`);
    if (tx.totalCount !== 0) throw new Error(`a rejected file stored ${tx.totalCount} transaction(s)`);
  }, { expect: [{ url: /imports\/transactions/, status: 422 }], shot: 'import-errors' });

  await test('import transactions', async () => {
    await page.getByLabel('CSV file').setInputFiles(join(fixtures, 'transactions.csv'));
    await expectText(page.getByTestId('import-preview'), 'Opening deposit');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expectText(page.getByTestId('import-result'), 'Imported 3 row(s)');
  }, { shot: 'import-transactions' });

  await test('holdings with lots and unrealised gains', async () => {
    await page.goto(`${householdUrl}/holdings`);
    const positions = page.getByTestId('positions-table');
    // 10 VTI bought at 200 + 1 fee, last close 250: value 2,500.00, gain 499.00.
    await expectText(positions.locator('tr', { hasText: 'VTI' }), '$2,500.00');
    await expectText(positions.locator('tr', { hasText: 'VTI' }), '$499.00');
    // 20 BND at 72, last close 71: gain -20.00.
    await expectText(positions.locator('tr', { hasText: 'BND' }), '-$20.00');
    // Lots sit under their position, closed until opened.
    await page.getByTestId('lot-groups').getByRole('button', { name: /VTI/, expanded: false }).click();
    await expectText(page.getByTestId('lots-table'), 'Jan 3, 2024');
  }, { shot: 'holdings' });

  await instrumentsJourney({ test, page, expectText, apiGet, householdUrl });

  await test('net worth on the dashboard', async () => {
    await page.goto(`${householdUrl}/dashboard`);
    // Cash 10,000 - 2,001 - 1,440 = 6,559, plus 2,500 + 1,420 of holdings.
    await expectText(page.getByTestId('net-worth'), '$10,479.00');
    await page.getByTestId('allocation-chart').locator('.recharts-pie-sector').first().waitFor();
    await page.getByRole('group', { name: 'Range', exact: true }).getByRole('button', { name: '1Y' }).click();
    await page.getByTestId('net-worth-chart').locator('.recharts-line-curve').waitFor({ state: 'attached' }); // a flat line has no height
  }, { shot: 'dashboard' });
  if (hasAuth) await realtimeJourney({ test, page, expectText, apiGet, apiSend, householdUrl });

  await test('transactions with filters and paging', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${householdUrl}/transactions`);
    await expectText(page.getByTestId('transactions-table'), 'Opening deposit');
    await page.getByLabel('From').fill('2024-01-03');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expectText(page.getByRole('navigation', { name: 'Pages' }), '2 transactions');
  }, { shot: 'transactions' });

  await test('create a plan and run it: fan chart and success probability', async () => {
    await page.goto(`${householdUrl}/plans`);
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
  }, { shot: 'plan' });

  await test('solve for the monthly saving', async () => {
    await page.getByRole('button', { name: 'Solve' }).click();
    await expectText(page.getByTestId('solve-answer'), 'to reach 85%');
  }, { shot: 'plan-solved' });

  await test('tax page', async () => {
    await page.goto(`${householdUrl}/tax`);
    await page.getByLabel('Tax year').fill('2024');
    await expectText(page.locator('main'), 'No sales in 2024');
    // BND's 20.00 unrealised loss is harvestable (the default profile has no threshold, no costs and no rates, so no saving).
    const bnd = page.getByTestId('harvest-table').locator('tbody tr', { hasText: 'BND' });
    await expectText(bnd, '$20.00');
    await expectText(bnd, 'none set');
  }, { shot: 'tax' });

  await test('tax: a wash sale (code W), a harvesting opportunity with its replacement, CSV exports', async () => {
    // A household of its own, so the holdings and net worth checked above stay as they were.
    const household = await apiSend('POST', '/api/v1/households', { name: 'Tax household', reportingCurrency: 'USD' });
    const h = `/api/v1/households/${household.id}`;
    const account = await apiSend('POST', `${h}/accounts`, { name: 'Taxable', type: 'TaxableBrokerage', baseCurrency: 'USD' });
    // Sold 10 BND at a 20.00 loss on 1 March and bought 10 back on 15 March: the loss is disallowed and moves to the new lot.
    // Instruments and prices are the household's own: it imports the closes it is valued at.
    await apiSend('POST', `${h}/imports/prices`, readFileSync(join(fixtures, 'prices.csv'), 'utf8'));
    await apiSend('POST', `${h}/imports/transactions?accountId=${account.id}`, readFileSync(join(fixtures, 'transactions-wash-sale.csv'), 'utf8'));
    // Rates of 35% and 15%, any loss worth harvesting, no costs; VTI is BND's replacement.
    const profile = await apiSend('GET', `${h}/tax-profile`);
    await apiSend('PUT', `${h}/tax-profile`, { ...profile, shortTermRate: 0.35, longTermRate: 0.15, harvestMinLoss: 0, harvestMinLossFraction: 0, costPerTrade: 0 });
    const instruments = (await apiSend('GET', `/api/v1/instruments?householdId=${household.id}&inUse=true&pageSize=1000`)).items;
    const id = (/** @type {string} */ symbol) => instruments.find((/** @type {any} */ i) => i.symbol === symbol).id;
    await apiSend('POST', `${h}/replacement-funds`, { instrumentId: id('BND'), replacementId: id('VTI') });

    await page.goto(`/households/${household.id}/tax`);
    await page.getByLabel('Tax year').fill('2024');
    const sale = page.getByTestId('gains-table').locator('tbody tr').first();
    await expectText(sale, 'BND');
    await expectText(sale, '-$20.00');
    await expectText(sale, 'W $20.00');
    await expectText(page.getByTestId('gains-summary'), '$20.00');
    // Held now: 10 at 72.00 and 10 at 70.50 + 2.00 disallowed per share, at 71.00: a 25.00 loss, long term
    // (the new lot keeps the sold lot's holding period), saving 25.00 x 15% = 3.75.
    const harvest = page.getByTestId('harvest-table').locator('tbody tr', { hasText: 'BND' });
    await expectText(harvest, '$25.00');
    await expectText(harvest, '$3.75');
    await expectText(harvest, 'VTI');

    const csv = await downloaded(() => page.getByRole('button', { name: 'Export CSV' }).click());
    const [header, row] = csv.text.trim().split(/\r?\n/);
    if (csv.name !== 'realised-gains-2024.csv' || !header?.includes('DisallowedLoss,Code,ReportableGain') || !row?.endsWith(',Short,20,W,0')) {
      throw new Error(`unexpected CSV ${csv.name}:\n${csv.text}`);
    }
    const form = await downloaded(() => page.getByRole('button', { name: 'Form 8949 CSV (taxable accounts)' }).click());
    if (!form.text.startsWith('Part,Description,Date acquired') || !form.text.includes(',W,20.00,')) throw new Error(`unexpected Form 8949 CSV:\n${form.text}`);
  }, { shot: 'tax-wash-sale' });

  await test('settings page', async () => {
    await page.goto(`${householdUrl}/settings`);
    await page.getByLabel('Name').waitFor();
  }, { shot: 'settings' });

  if (hasAuth) {
    await test('turn on two-factor sign-in', async () => {
      await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
      totpKey = ((await page.getByTestId('totp-key').textContent()) ?? '').trim();
      await page.getByLabel('Code from the app').fill(await totp(totpKey));
      await page.getByRole('button', { name: 'Confirm' }).click();
      await expectText(page.getByRole('status'), 'Two-factor sign-in is on');
    }, { shot: 'settings-mfa' });

    await test('new recovery codes after a step-up', async () => {
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByTestId('mfa-state').waitFor();
      // The session signed in with a password only: the server asks for a step-up, the dialog gets the code.
      await page.getByRole('button', { name: 'New recovery codes' }).click();
      const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
      await dialog.getByLabel('Authenticator code').fill(await totp(totpKey));
      await dialog.getByRole('button', { name: 'Confirm' }).click();
      await expectText(page.getByRole('status'), 'New recovery codes');
      const codes = await page.getByTestId('recovery-codes').locator('li').count();
      if (codes !== 10) throw new Error(`expected 10 recovery codes, got ${codes}`);
    }, { shot: 'settings-step-up', expect: [{ url: /\/api\/v1\/me\/mfa\/recovery-codes$/, status: 403 }] });

    await test('sessions: sign out another session', async () => {
      // Another device signs in; its refresh token works until this page signs it out.
      const login = await fetch(`${server.url}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password, totpCode: await totp(totpKey) }) });
      if (!login.ok) throw new Error(`the second sign-in answered ${login.status}`);
      const other = await login.json();
      await page.reload();
      const sessions = page.getByTestId('sessions');
      await expectText(sessions, 'This session');
      await expectText(sessions.locator('li', { hasText: 'Another session' }), 'two-factor');
      await sessions.getByRole('button', { name: /^Sign out the session/ }).click();
      await expectText(page.getByRole('status'), 'Signed out.');
      await sessions.locator('li', { hasText: 'Another session' }).waitFor({ state: 'detached' });
      const refresh = await fetch(`${server.url}/auth/refresh`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken: other.refreshToken }) });
      if (refresh.status !== 401) throw new Error(`the signed-out session's refresh answered ${refresh.status}`);
    }, { shot: 'settings-sessions' });

    await test('privacy: download my data', async () => {
      // The step-up above is less than ten minutes old, so the export needs no new code.
      const file = await downloaded(() => page.getByRole('button', { name: 'Download my data' }).click());
      const data = JSON.parse(file.text);
      if (!/^glidepath-export-\d{4}-\d{2}-\d{2}\.json$/.test(file.name) || !file.text.includes(email) || typeof data !== 'object') throw new Error(`unexpected export ${file.name}`);
      await expectText(page.getByRole('status'), 'Downloaded.');
    }, { shot: 'settings-privacy' });

    await test('advisor access: only an advisor can be granted it', async () => {
      await page.getByLabel('Advisor’s e-mail address').fill('nobody@example.com');
      await page.getByRole('button', { name: 'Grant access' }).click();
      await expectText(page.getByRole('alert'), 'No advisor has this e-mail address');
      await expectText(page.locator('main'), 'No advisor can see this household');
    }, { shot: 'settings-grants', expect: [{ url: /advisor-grants$/, status: 404 }] });

    await test('the advisor page explains itself to a non-advisor', async () => {
      await page.goto('/advisor');
      await expectText(page.locator('main'), 'This page is for advisors');
    }, { shot: 'advisor-not-advisor' });

    await test('password reset page', async () => {
      await page.goto('/reset-password');
      await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    }, { shot: 'reset-password' });

    await handEntryJourneys({ test, page, expectText, apiSend, apiGet, totp: () => totp(totpKey) });
  }

  await test('portfolio page: risk level, model weights, efficient frontier with current and target', async () => {
    // The instruments journey classified the imported symbols; as funds of their classes, each class
    // of a model has something to buy.
    const id = householdUrl.split('/').at(-1);
    const list = (await apiGet(`/api/v1/instruments?householdId=${id}&inUse=true&pageSize=1000`)).items;
    const classes = { BND: ['Bonds', 'Total bond market'], VXUS: ['InternationalEquity', 'Total international stock'], VNQ: ['RealEstate', 'Real estate'], DBC: ['Commodities', 'Commodity index'] };
    for (const [symbol, [assetClass, name]] of Object.entries(classes)) {
      const instrument = list.find((/** @type {{ symbol: string }} */ i) => i.symbol === symbol);
      await apiSend('PUT', `/api/v1/instruments/${instrument.id}`, { ...instrument, type: 'Etf', assetClass, name });
    }
    await page.goto(`${householdUrl}/portfolio`);
    await page.getByRole('button', { name: 'Generate ten risk levels' }).click();
    await page.getByLabel('Model portfolio', { exact: true }).selectOption({ label: 'Risk level 2' });
    await expectText(page.getByTestId('model-weights'), 'Risk level 2');
    await expectText(page.getByTestId('model-weights'), 'Bonds');
    // The slider picks a level too (keyboard: arrow keys move it one level).
    await page.getByLabel('Risk level', { exact: true }).focus();
    await page.keyboard.press('ArrowLeft');
    await expectText(page.getByTestId('model-weights'), 'Risk level 1');
    await page.getByTestId('frontier-chart').locator('.recharts-scatter-symbol').first().waitFor();
    await expectText(page.getByTestId('frontier-points'), 'Current holdings');
    await expectText(page.getByTestId('frontier-points'), 'Target: Risk level 1');
  }, { shot: 'portfolio' });

  await test('rebalance preview: targets from the model, trades with reasons, accept with step-up, pending orders', async () => {
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
    if (!hasAuth || !totpKey) throw new Error('accepting needs a user with two-factor sign-in (the settings test turns it on)');
    await page.getByRole('button', { name: 'Accept and create orders' }).click();
    // Placing orders needs a second factor from the last ten minutes. The settings tests' step-up
    // is usually still fresh; when it is not, the server answers 403 and the shared dialog asks.
    const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
    const accepted = page.getByRole('status').filter({ hasText: 'pending order(s) created' });
    await dialog.or(accepted).first().waitFor();
    if (await dialog.isVisible()) {
      await dialog.getByLabel('Authenticator code').fill(await totp(totpKey));
      await dialog.getByRole('button', { name: 'Confirm' }).click();
    }
    await expectText(accepted, 'pending order(s) created');
    await expectText(page.getByTestId('orders-table'), 'Pending');
    await expectText(page.getByTestId('orders-table'), 'BND');
  }, { shot: 'rebalance-accepted', allow: [{ url: /rebalance-proposals\/[^/]+\/accept$/, status: 403 }] });

  await test('dashboard performance against a benchmark, drift and harvest alerts', async () => {
    await page.goto(`${householdUrl}/dashboard`);
    await page.getByRole('group', { name: 'Performance range' }).getByRole('button', { name: '5Y' }).click();
    // One deposit of 10,000 grew to 10,479 with no other flow: TWR = 4.79%.
    await expectText(page.getByTestId('twr'), '+4.8%');
    await expectText(page.getByTestId('mwr'), '%');
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
  }, { shot: 'dashboard-performance' });

  await test('unknown API routes stay API 404s; other paths get the app', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const api = await fetch(`${server.url}/api/v1/no-such-thing`);
    if (api.status !== 404 || !(api.headers.get('content-type') ?? '').includes('problem+json')) throw new Error(`/api/v1/no-such-thing answered ${api.status} ${api.headers.get('content-type')}`);
    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  }, { shot: 'not-found' });

  await netWorthJourney({ test, page, expectText, apiGet, householdUrl, fixtures });
  if (hasAuth) await planPrefillJourney({ test, page, expectText, apiSend });
  if (hasAuth) await planPreviewJourney({ test, page, apiSend });
  await phoneJourney({ test, page, apiGet, householdUrl });
  if (hasAuth) await pwaJourney({ test, browser, baseURL: server.url });
} finally {
  await browser.close();
  await server.stop();
}

const count = (/** @type {string} */ s) => results.filter((r) => r.status === s).length;
const summary = { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), tests: results };
writeFileSync(join(artifacts, 'results.json'), JSON.stringify(summary, null, 2));
console.log(`e2e: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped (screenshots in e2e/artifacts)`);
process.exit(summary.failed > 0 ? 1 : 0);
