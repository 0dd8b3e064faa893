// The app as an installable PWA: the manifest is linked and valid, its icons are PNGs of their
// sizes, the service worker registers and controls the page after a reload, and Cache Storage
// holds the shell but never an /api or /auth response. In a browser context of its own (e2e/kit.mjs
// blocks service workers in the main one, so no other journey runs through the worker) and with
// a user of its own, signed up here.

/**
 * @param {{
 *   test: (name: string, body: () => Promise<void>, options?: object) => Promise<void>,
 *   browser: import('playwright-core').Browser,
 *   baseURL: string,
 * }} t
 */
export async function pwaJourney({ test, browser, baseURL }) {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'allow', viewport: { width: 390, height: 844 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  /** @type {string[]} */
  const problems = [];
  page.on('console', (m) => void (m.type() === 'error' && problems.push(`console error: ${m.text()}`)));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const noProblems = () => {
    if (problems.length > 0) throw new Error(`browser problems:\n  ${problems.join('\n  ')}`);
  };
  /** @param {string} path */
  const head = (path) =>
    page.evaluate(async (p) => {
      const r = await fetch(p, { cache: 'no-store' });
      const body = new Uint8Array(await r.arrayBuffer());
      return { status: r.status, type: r.headers.get('content-type') ?? '', cache: r.headers.get('cache-control') ?? '', text: new TextDecoder().decode(body.slice(0, 4000)), bytes: [...body.slice(0, 24)] };
    }, path);

  try {
    await test('PWA: the manifest is linked and valid, its icons are PNGs of their sizes', async () => {
      await page.goto('/sign-up');
      await page.getByLabel('Email').fill('pwa@example.com');
      await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
      await page.getByLabel('Password again').fill('correct horse battery staple');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { name: 'Households', exact: true }).waitFor();

      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      const theme = await page.locator('meta[name="theme-color"]').getAttribute('content');
      if (!href || !theme) throw new Error(`manifest link ${href}, theme colour ${theme}`);
      const file = await head(href);
      if (file.status !== 200 || !file.type.startsWith('application/manifest+json')) throw new Error(`${href}: ${file.status} ${file.type}`);
      const manifest = JSON.parse(file.text);
      for (const [key, want] of Object.entries({ name: 'Glidepath', short_name: 'Glidepath', start_url: '/', display: 'standalone', theme_color: theme })) {
        if (manifest[key] !== want) throw new Error(`manifest ${key} is ${manifest[key]}, expected ${want}`);
      }
      const purposes = manifest.icons.map((/** @type {{ sizes: string, purpose?: string }} */ i) => `${i.sizes} ${i.purpose ?? 'any'}`);
      for (const want of ['192x192 any', '512x512 any', '512x512 maskable']) if (!purposes.includes(want)) throw new Error(`no ${want} icon: ${purposes.join(', ')}`);
      for (const icon of manifest.icons) {
        const png = await head(icon.src);
        // PNG signature, then IHDR's width and height (big-endian) at bytes 16..23.
        const size = `${Buffer.from(png.bytes.slice(16, 20)).readUInt32BE()}x${Buffer.from(png.bytes.slice(20, 24)).readUInt32BE()}`;
        if (png.status !== 200 || png.type !== 'image/png' || png.bytes[1] !== 0x50 || size !== icon.sizes) throw new Error(`${icon.src}: ${png.status} ${png.type} ${size}`);
      }
      // The worker's script is checked with the server on every update; hashed assets are kept a year.
      const sw = await head('/sw.js');
      if (sw.status !== 200 || !/javascript/.test(sw.type) || sw.cache !== 'no-cache') throw new Error(`/sw.js: ${sw.status} ${sw.type} ${sw.cache}`);
      const asset = await page.locator('script[type="module"][src^="/assets/"]').getAttribute('src');
      const js = await head(asset ?? '');
      if (!js.cache.includes('immutable')) throw new Error(`${asset}: cache-control ${js.cache}`);
      noProblems();
    }, { shot: 'pwa-manifest', independent: true });

    await test('PWA: the service worker controls the page after a reload and caches no API response', async () => {
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.reload();
      const controlled = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
      if (!controlled?.endsWith('/sw.js')) throw new Error(`the page is controlled by ${controlled}`);
      // Signed-in pages under the worker: the households list, the dashboard's API calls.
      await page.getByRole('link', { name: 'My household' }).click();
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      await page.waitForLoadState('networkidle');
      const cached = await page.evaluate(async () => {
        const urls = [];
        for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
        return urls;
      });
      const leaked = cached.filter((p) => /^\/(api|auth)(\/|$)/i.test(p));
      if (leaked.length > 0) throw new Error(`Cache Storage holds server responses: ${leaked.join(', ')}`);
      for (const want of ['/', '/manifest.webmanifest', '/icons/icon-192.png']) if (!cached.includes(want)) throw new Error(`the shell's ${want} is not cached: ${cached.join(', ')}`);
      if (!cached.some((p) => /^\/assets\/index-.+\.js$/.test(p))) throw new Error(`no hashed script is cached: ${cached.join(', ')}`);
      noProblems();
    }, { shot: 'pwa-worker', independent: true });
  } finally {
    await page.screenshot({ path: 'e2e/artifacts/pwa-dashboard-phone.png' }).catch(() => undefined);
    await context.close();
  }
}
