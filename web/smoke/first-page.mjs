// The smoke test's browser half (scripts/smoke): headless chromium signs in as the demo user through
// the sign-in page, then loads `/` and the demo household's dashboard. Any console error, page error,
// failed request or HTTP error response fails it. Usage: node smoke/first-page.mjs BASE_URL
import { chromium } from 'playwright-core';

const base = process.argv[2];
if (!base) throw new Error('usage: node smoke/first-page.mjs BASE_URL');
const problems = [];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await (await browser.newContext({ baseURL: base, locale: 'en-US' })).newPage();
  page.setDefaultTimeout(30_000);
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => { if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`); });

  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('demo@glidepath.local');
  await page.getByLabel('Password').fill('glidepath demo household');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Households', exact: true }).waitFor();

  // The first page a returning user meets: `/`, loaded afresh, still signed in.
  await page.goto('/');
  await page.getByRole('heading', { name: 'Households', exact: true }).waitFor();
  await page.getByRole('link', { name: /demo/i }).first().click();
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await page.waitForLoadState('networkidle');
  console.log(`browser: signed in, / and ${new URL(page.url()).pathname} loaded`);
} catch (e) {
  problems.push(`step failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
} finally {
  await browser.close();
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
