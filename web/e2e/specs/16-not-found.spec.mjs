// Unknown addresses: API 404s stay problems, other paths get the app's page.
import { e2e } from '../kit.mjs';

e2e('unknown API routes stay API 404s; other paths get the app', { shot: 'not-found' }, async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const api = await fetch(`${baseURL}/api/v1/no-such-thing`);
  if (api.status !== 404 || !(api.headers.get('content-type') ?? '').includes('problem+json')) throw new Error(`/api/v1/no-such-thing answered ${api.status} ${api.headers.get('content-type')}`);
  await page.goto('/no/such/page');
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
});
