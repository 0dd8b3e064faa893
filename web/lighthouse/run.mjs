// Lighthouse budget: the sign-in page signed out, and the dashboard, a plan and the portfolio page
// signed in, each against a published (Release) server on a fresh SQLite database, in Debian's
// chromium. Lighthouse's defaults: mobile form factor, simulated slow 4G and a 4× slower CPU.
// Each page is one test: it passes when every category meets its budget (below), performance included
// (issue 23). GLIDEPATH_LIGHTHOUSE_PERFORMANCE=report prints a performance miss without failing the page, for
// a machine too loaded to measure (scripts/test then names each miss above its total). Each page is loaded
// GLIDEPATH_LIGHTHOUSE_RUNS times (5 unless set), each a first visit, and the median run counts (Lighthouse's
// computeMedianRun, as Lighthouse CI asserts): one run's performance score moves by several points with the
// machine's load (bench/README.md), the median of five much less.
// Prints the scores of every run, writes lighthouse/artifacts/results.json ({passed, failed, skipped,
// pages, notEnforced}) and each page's median report. GLIDEPATH_LIGHTHOUSE_PAGES=dashboard,plan measures only those.
//   GLIDEPATH_SERVER_DLL=/path/to/published/Glidepath.Server.dll node lighthouse/run.mjs
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { chromium } from 'playwright-core';
import { startServer, freePort } from '../scripts/server.mjs';

const here = import.meta.dirname;
const artifacts = join(here, 'artifacts');
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });

/** Minimum score (0..100) per category; the sign-in page is the first a visitor meets and gets the tighter budget. */
const budgets = {
  signedOut: { performance: 95, accessibility: 100, 'best-practices': 95 },
  signedIn: { performance: 90, accessibility: 100, 'best-practices': 95 },
};

/** Whether a category's budget counts: all of them, unless performance is only reported (see the header). @param {string} id */
function enforced(id) {
  return id !== 'performance' || process.env.GLIDEPATH_LIGHTHOUSE_PERFORMANCE !== 'report';
}

const runs = Number(process.env.GLIDEPATH_LIGHTHOUSE_RUNS ?? 5);
const only = process.env.GLIDEPATH_LIGHTHOUSE_PAGES?.split(',');

const server = await startServer({ env: { RateLimits__ApiPerMinute: '1000', RateLimits__ReadCostPerMinute: '100000' } });
const port = await freePort();
// A persistent context is the browser's default one, which the tabs Lighthouse opens share: the
// session put in its localStorage is the one Lighthouse's page loads see.
const profile = mkdtempSync(join(tmpdir(), 'glidepath-lighthouse-'));
const browser = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', `--remote-debugging-port=${port}`] });

/** @param {string} method @param {string} path @param {unknown} [body] @param {string} [token] */
async function call(method, path, body, token) {
  /** @type {Record<string, string>} */
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['Content-Type'] = typeof body === 'string' ? 'text/csv' : 'application/json';
  const res = await fetch(server.url + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/**
 * One Lighthouse run of a page as a first visit: signed out for the sign-in page, else with the session in
 * localStorage, as after a sign-in; the HTTP cache, the PWA's worker and its Cache Storage emptied.
 * @param {{ name: string, url: string }} page
 */
async function measure(page) {
  const tab = await browser.newPage();
  await tab.goto(`${server.url}/favicon.svg`);
  await tab.evaluate((s) => (s ? localStorage.setItem('glidepath.session', s) : localStorage.clear()), page.name === 'sign-in' ? null : session);
  // Storage is kept (below), so the cache and the service worker are emptied here: otherwise the
  // second run would be served from the worker's shell.
  const cdp = await browser.newCDPSession(tab);
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Storage.clearDataForOrigin', { origin: server.url, storageTypes: 'service_workers,cache_storage' });
  await tab.close();
  const result = await lighthouse(page.url, {
    port,
    output: 'html',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    // Keep the session just stored (this also keeps the HTTP cache, emptied above).
    disableStorageReset: true,
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${page.url}`);
  reports.set(result.lhr, /** @type {string} */ (result.report));
  return result.lhr;
}

/** Each run's HTML report, to keep the median run's. @type {Map<import('lighthouse').Result, string>} */
const reports = new Map();

/** The scripted session's tokens, as the app keeps them in localStorage (set below). */
let session = '';

/** @type {{ name: string, url: string, budget: Record<string, number>, scores?: Record<string, number>, runs?: number[], status?: string, failures?: string[], misses?: string[] }[]} */
const pages = [];
try {
  // The unversioned /api aliases work on servers before and after /api/v1, so "before" can be measured too.
  // A scripted session: a new user with a household that has something to show on each page.
  const email = 'lighthouse@example.com';
  const password = 'correct horse battery staple';
  await call('POST', '/auth/register', { email, password });
  const tokens = await call('POST', '/auth/login', { email, password });
  const token = tokens.accessToken;
  const [household] = await call('GET', '/api/households', undefined, token);
  const h = `/api/households/${household.id}`;
  const account = await call('POST', `${h}/accounts`, { name: 'Brokerage', type: 'TaxableBrokerage', baseCurrency: 'USD', institution: 'Example Securities', number: null, ownerId: null, reliefMethod: 'Fifo' }, token);
  const fixtures = join(here, '..', 'e2e', 'fixtures');
  await call('POST', `${h}/imports/prices`, readFileSync(join(fixtures, 'prices.csv'), 'utf8'), token);
  await call('POST', `${h}/imports/transactions?accountId=${account.id}`, readFileSync(join(fixtures, 'transactions.csv'), 'utf8'), token);
  const scenario = JSON.parse(readFileSync(join(here, '..', '..', 'examples', 'benchmark-retirement.json'), 'utf8'));
  const plan = await call('POST', `${h}/plans`, { name: 'Retirement', scenario }, token);
  session = JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: Date.now() + tokens.expiresIn * 1000 });

  pages.push(
    { name: 'sign-in', url: `${server.url}/sign-in`, budget: budgets.signedOut },
    { name: 'dashboard', url: `${server.url}/households/${household.id}/dashboard`, budget: budgets.signedIn },
    { name: 'plan', url: `${server.url}/households/${household.id}/plans/${plan.id}`, budget: budgets.signedIn },
    { name: 'portfolio', url: `${server.url}/households/${household.id}/portfolio`, budget: budgets.signedIn },
  );

  for (const page of pages.filter((p) => !only || only.includes(p.name))) {
    /** @type {import('lighthouse').Result[]} */
    const results = [];
    for (let run = 0; run < runs; run++) results.push(await measure(page));
    const result = computeMedianRun(results);
    writeFileSync(join(artifacts, `${page.name}.json`), JSON.stringify(result));
    writeFileSync(join(artifacts, `${page.name}.html`), reports.get(result) ?? '');
    page.runs = results.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100));
    page.scores = Object.fromEntries(Object.entries(result.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)]));
    const short = Object.entries(page.budget).filter(([id, min]) => (page.scores?.[id] ?? 0) < min);
    const miss = (/** @type {[string, number]} */ [id, min]) => `${id} ${page.scores?.[id]} < ${min}`;
    page.misses = short.map(miss);
    // Only an enforced category fails the page; every shortfall is printed with its failing audits.
    page.failures = short.filter(([id]) => enforced(id)).map(miss);
    const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'].map((id) => `${id.replace(/-/g, ' ')} ${result.audits[id]?.displayValue ?? '?'}`).join(', ');
    page.status = page.failures.length === 0 ? 'passed' : 'failed';
    console.log(`${page.status === 'passed' ? '✓' : '✗'} lighthouse ${page.name}: ${Object.entries(page.scores).map(([k, v]) => `${k} ${v}`).join(', ')} (median of ${runs}: ${metrics}; performance of each run ${page.runs.join(', ')})`);
    for (const [id, min] of short) {
      console.log(`    ${id} ${page.scores?.[id]} < ${min}${enforced(id) ? '' : ' (not enforced)'}`);
      for (const ref of result.categories[id]?.auditRefs ?? []) {
        const audit = result.audits[ref.id];
        if (audit && ref.weight > 0 && audit.score !== null && audit.score < 0.9) console.log(`      ${ref.id}: ${audit.displayValue ?? audit.title} (score ${Math.round(audit.score * 100)})`);
      }
    }
  }
} catch (e) {
  console.log(`✗ lighthouse: ${e instanceof Error ? e.stack : e}`);
  pages.push({ name: 'setup', url: '', budget: {}, status: 'failed', failures: [String(e)] });
} finally {
  await browser.close();
  await server.stop();
  rmSync(profile, { recursive: true, force: true });
}

const count = (/** @type {string} */ s) => pages.filter((p) => p.status === s).length;
// The budget misses that did not count: one line each, for scripts/test to name above the total.
const notEnforced = pages.flatMap((p) => (p.misses ?? []).filter((m) => !(p.failures ?? []).includes(m)).map((m) => `${p.name}: ${m}`));
const summary = { passed: count('passed'), failed: count('failed'), skipped: pages.filter((p) => !p.status).length, pages, notEnforced };
writeFileSync(join(artifacts, 'results.json'), JSON.stringify(summary, null, 2));
for (const miss of notEnforced) console.log(`lighthouse budget missed, not enforced: ${miss}`);
console.log(`lighthouse: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped (reports in lighthouse/artifacts)`);
process.exit(summary.failed > 0 ? 1 : 0);
