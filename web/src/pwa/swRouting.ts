/**
 * What the service worker does with a request. It caches the app shell only: index.html (for
 * navigations, network first so a new build is picked up, the cached copy when offline), the
 * hashed JS and CSS under /assets/ (cache first: a name never changes content), the icons and the
 * manifest (cache first, refreshed in the background). Everything else, above all the server's own
 * routes (household data and tokens under /api and /auth), goes to the network untouched and is
 * never stored.
 */
export type Strategy = 'network-only' | 'shell-page' | 'cache-first' | 'stale-while-revalidate';

/** Paths that belong to the server, as the server's WebAppEndpoints.ServerPrefixes lists them. */
export const serverPrefixes = ['/api', '/auth', '/health', '/openapi', '/scalar', '/.well-known'];

/** Static files of the shell that are not hashed (public/). */
export const shellStatics = ['/manifest.webmanifest', '/favicon.svg', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon-maskable-512.png'];

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

export function strategyFor(request: { url: string; method: string; mode: string }, origin: string): Strategy {
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== origin) return 'network-only';
  const path = url.pathname;
  if (serverPrefixes.some((p) => under(path.toLowerCase(), p))) return 'network-only';
  if (path === '/sw.js') return 'network-only';
  if (request.mode === 'navigate') return 'shell-page';
  if (path.startsWith('/assets/')) return 'cache-first';
  if (shellStatics.includes(path)) return 'stale-while-revalidate';
  return 'network-only';
}
