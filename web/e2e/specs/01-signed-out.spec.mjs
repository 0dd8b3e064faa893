// Signed out: the committed API types match the running server, and the app sends a visitor
// straight to the sign-in page without calling a protected route first (no 401 in the console).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2e, webDir } from '../kit.mjs';

e2e('OpenAPI types are current; signed out, the app opens the sign-in page without an API call', { shot: 'signed-out' }, async ({ page, baseURL }) => {
  const openapi = await (await fetch(`${baseURL}/openapi/v1.json`)).json();
  const committed = JSON.parse(readFileSync(join(webDir, 'src', 'api', 'openapi.json'), 'utf8'));
  if (JSON.stringify({ ...committed, servers: undefined }) !== JSON.stringify({ ...openapi, servers: undefined })) throw new Error("src/api/openapi.json differs from the server's /openapi/v1.json: run npm run api:types");
  /** @type {string[]} */
  const api = [];
  page.on('request', (r) => void (new URL(r.url()).pathname.startsWith('/api/') && api.push(r.url())));
  await page.goto('/');
  await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
  if (new URL(page.url()).pathname !== '/sign-in') throw new Error(`signed out, / went to ${page.url()}`);
  if (api.length > 0) throw new Error(`signed out, the app called ${api.join(', ')}`);
});
