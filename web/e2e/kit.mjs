// What every E2E spec shares (Playwright test runner, docs/testing.md): one browser page for the
// whole run, signed in once, because the specs are one user's path through the app and build on
// each other's data (the household, its imports, two-factor sign-in); the checks each test ends
// with (axe-core, a screenshot, no unexpected console error, failed request or HTTP error); and the
// helpers the journeys take. After a failed test the later ones are skipped (they build on it),
// except those marked independent.
//
//   e2e('name', { shot, expect, allow, independent }, async ({ page, state, expectText, ... }) => { ... });
//   journey('name', (kit) => someJourney(kit));   // kit = { test, page, expectText, apiSend, apiGet, totp, ... }
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

export const webDir = join(import.meta.dirname, '..');
export const artifacts = join(webDir, 'e2e', 'artifacts');
export const fixtures = join(webDir, 'e2e', 'fixtures');
export const email = 'e2e@example.com';
export const password = 'correct horse battery staple';
/** What later specs need from earlier ones; kept on disk so a worker restarted after a failure picks it up. */
const statePath = join(artifacts, 'state.json');
const storagePath = join(artifacts, 'storage.json');
const stoppedPath = join(artifacts, 'stopped.txt');

/** @typedef {{ url: RegExp, status: number }} Response */
/** @typedef {{ shot?: string, expect?: Response[], allow?: Response[], independent?: boolean }} Options */
/** @typedef {{ householdUrl: string, totpKey: string }} State */

export function baseURL() {
  const url = process.env.GLIDEPATH_E2E_URL;
  if (!url) throw new Error('GLIDEPATH_E2E_URL is not set: run the specs with `npx playwright test` (global-setup.mjs starts the server)');
  return url;
}

/** The page of the run and what it saw: problems seen in the browser, responses a step expects or allows. */
async function openSession(/** @type {import('@playwright/test').Browser} */ browser) {
  const context = await browser.newContext({
    baseURL: baseURL(),
    locale: 'en-US',
    timezoneId: 'America/New_York',
    viewport: { width: 1280, height: 900 },
    // Service workers are blocked, so no spec runs through the PWA's worker; the PWA journey checks it in a context of its own.
    serviceWorkers: 'block',
    ...(existsSync(storagePath) ? { storageState: storagePath } : {}),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const watch = { problems: /** @type {string[]} */ ([]), expected: /** @type {Response[]} */ ([]), allowed: /** @type {Response[]} */ ([]) };
  page.on('console', (m) => {
    if (m.type() === 'error') watch.problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => watch.problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A navigation away can abort a pending request; that is not a failure of the page.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') watch.problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() < 400) return;
    const i = watch.expected.findIndex((e) => e.url.test(r.url()) && e.status === r.status());
    if (i >= 0) watch.expected.splice(i, 1);
    else if (!watch.allowed.some((a) => a.url.test(r.url()) && a.status === r.status())) watch.problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  /** @type {State} */
  const state = existsSync(statePath) ? JSON.parse(readFileSync(statePath, 'utf8')) : { householdUrl: '', totpKey: '' };
  return { context, page, watch, state };
}

/** Time steps already used per secret: the server accepts each step once per user, so a second code waits for the next step. */
const usedSteps = new Map();

/** A TOTP code for a time step not used yet (RFC 6238, 30 s, SHA-1, 6 digits): what an authenticator app shows. @param {string} secret */
export async function totpCode(secret) {
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

/** The helpers a spec or journey gets, around the run's page. @param {Awaited<ReturnType<typeof openSession>>} session */
function helpers(session) {
  const { page, state } = session;
  /** A GET from inside the page, with the signed-in user's bearer token (when there is one). @param {string} path @returns {Promise<any>} */
  const apiGet = (path) =>
    page.evaluate(async (p) => {
      const s = JSON.parse(localStorage.getItem('glidepath.session') ?? 'null');
      const res = await fetch(p, { headers: s ? { Authorization: `Bearer ${s.accessToken}` } : {} });
      if (!res.ok) throw new Error(`GET ${p} answered ${res.status}`);
      return res.json();
    }, path);
  /** A call from inside the page with the user's bearer token; JSON in and out (a string body goes as text/csv). @param {string} method @param {string} path @param {unknown} [body] @returns {Promise<any>} */
  const apiSend = (method, path, body) =>
    page.evaluate(
      async ([m, p, b]) => {
        const s = JSON.parse(localStorage.getItem('glidepath.session') ?? 'null');
        /** @type {Record<string, string>} */
        const headers = s ? { Authorization: `Bearer ${s.accessToken}` } : {};
        if (b !== undefined) headers['Content-Type'] = typeof b === 'string' ? 'text/csv' : 'application/json';
        const res = await fetch(p, { method: m, headers, body: b === undefined ? undefined : typeof b === 'string' ? b : JSON.stringify(b) });
        const text = await res.text();
        if (!res.ok) throw new Error(`${m} ${p} answered ${res.status}: ${text}`);
        return text ? JSON.parse(text) : undefined;
      },
      /** @type {[string, string, unknown]} */ ([method, path, body]),
    );
  /** @param {import('@playwright/test').Locator} locator @param {string} text */
  const expectText = async (locator, text) => {
    await locator.filter({ hasText: text }).first().waitFor();
  };
  /** The text of a file the page hands the browser to save, after `click` triggers it. @param {() => Promise<void>} click */
  const downloaded = async (click) => {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
  };
  // The signed-in user's current code (two-factor sign-in is turned on by the settings spec).
  const totp = () => totpCode(state.totpKey);
  return { page, state, apiGet, apiSend, expectText, downloaded, totp, fixtures, baseURL: baseURL() };
}

/**
 * Runs `body`, then checks the page: network idle, a full-page screenshot, axe-core (WCAG 2.1 A/AA),
 * and no browser problem that `options` did not expect or allow; an expected response that never
 * came fails too. @param {Awaited<ReturnType<typeof openSession>>} session @param {string} name @param {Options} options @param {() => Promise<void>} body
 */
async function checked(session, name, options, body) {
  const { page, watch } = session;
  watch.problems = [];
  watch.expected = [...(options.expect ?? [])];
  watch.allowed = [...(options.allow ?? [])];
  const shot = options.shot ?? name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  try {
    await body();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(artifacts, `${shot}.png`), fullPage: true });
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const violations = axe.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
    if (violations.length > 0) throw new Error(`axe: ${violations.length} violation(s):\n  ${violations.join('\n  ')}`);
    // Browsers log a rejected fetch as a console error too; an expected status is not a problem.
    const known = [...(options.expect ?? []), ...(options.allow ?? [])];
    const unexpected = watch.problems.filter((p) => !(p.startsWith('console error: Failed to load resource') && known.some((e) => p.includes(`status of ${e.status}`))));
    if (unexpected.length > 0) throw new Error(`browser problems:\n  ${unexpected.join('\n  ')}`);
    if (watch.expected.length > 0) throw new Error(`expected responses that never came: ${watch.expected.map((e) => `${e.status} ${e.url}`).join(', ')}`);
  } catch (e) {
    await page.screenshot({ path: join(artifacts, `FAILED-${shot}.png`), fullPage: true }).catch(() => undefined);
    throw e;
  }
}

export const test = base.extend(
  /** @type {any} */ ({
    session: [
      async (/** @type {{ browser: import('@playwright/test').Browser }} */ { browser }, /** @type {(s: any) => Promise<void>} */ use) => {
        const session = await openSession(browser);
        await use(session);
        await session.context.close();
      },
      { scope: 'worker' },
    ],
    // Skips a test after an earlier failure unless it is independent; keeps the state and the
    // signed-in session on disk for a worker that starts after a failure.
    gate: [
      async (/** @type {{ session: Awaited<ReturnType<typeof openSession>> }} */ { session }, /** @type {() => Promise<void>} */ use, /** @type {import('@playwright/test').TestInfo} */ info) => {
        const independent = info.annotations.some((a) => a.type === 'independent');
        if (existsSync(stoppedPath) && !independent) info.skip(true, `an earlier test failed: ${readFileSync(stoppedPath, 'utf8')}`);
        await use();
        if (info.status !== info.expectedStatus && !independent) writeFileSync(stoppedPath, info.title);
        writeFileSync(statePath, JSON.stringify(session.state));
        await session.context.storageState({ path: storagePath });
      },
      { auto: true },
    ],
  }),
);

/**
 * One test of the run's page: `body` gets the helpers, then the page is checked (see `checked`).
 * @param {string} name @param {Options} options @param {(kit: ReturnType<typeof helpers>) => Promise<void>} body
 */
export function e2e(name, options, body) {
  test(name, { annotation: options.independent ? [{ type: 'independent' }] : [] }, async (/** @type {any} */ { session }) => {
    await checked(session, name, options, () => body(helpers(session)));
  });
}

/**
 * A journey (e2e/journeys/<feature>.mjs) as one test: its `test(name, body, options)` calls are
 * steps, each checked like a test; a failed step ends the journey unless it is independent (then
 * the journey goes on and fails at the end). The journey gets `{ test, page, expectText, apiSend,
 * apiGet, totp, downloaded, state, fixtures, baseURL, browser, householdUrl }`.
 * @param {string} name @param {(kit: any) => Promise<void>} run @param {{ independent?: boolean }} [options]
 */
export function journey(name, run, options = {}) {
  test(name, { annotation: options.independent ? [{ type: 'independent' }] : [] }, async (/** @type {any} */ { session, browser }) => {
    /** @type {string[]} */
    const failures = [];
    /** @param {string} step @param {() => Promise<void>} body @param {Options} [stepOptions] */
    const stepTest = (step, body, stepOptions = {}) =>
      test.step(step, async () => {
        try {
          await checked(session, step, stepOptions, body);
        } catch (e) {
          if (!stepOptions.independent) throw e;
          failures.push(`${step}: ${e instanceof Error ? e.message : e}`);
        }
      });
    await run({ ...helpers(session), test: stepTest, browser, householdUrl: session.state.householdUrl });
    if (failures.length > 0) throw new Error(`${failures.length} step(s) failed:\n${failures.join('\n')}`);
  });
}
