// The service worker (built to /sw.js by the plugin in vite.config.ts, which replaces
// __SHELL_FILES__ with the build's hashed JS and CSS). Caches the app shell only; the routing
// decision is swRouting.ts. API and auth responses are never stored.
import { shellStatics, strategyFor } from './swRouting';

declare const self: ServiceWorkerGlobalScope;
declare const __SHELL_FILES__: string[];

const shell = ['/', ...shellStatics, ...__SHELL_FILES__];
// One cache per build: a new build's worker fills its own and drops the old ones.
const cacheName = `glidepath-shell-${hash(shell.join('\n'))}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      await cache.addAll(shell);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== cacheName) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  switch (strategyFor(request, self.location.origin)) {
    case 'network-only':
      return; // the browser fetches it as if there were no worker
    case 'shell-page':
      event.respondWith(shellPage(request));
      return;
    case 'cache-first':
      event.respondWith(cacheFirst(request));
      return;
    case 'stale-while-revalidate':
      event.respondWith(staleWhileRevalidate(request, event));
      return;
  }
});

/** Every app path is index.html: the network's when online (a new build shows at once), else the cached one. */
async function shellPage(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (offline) {
    const cached = await caches.match('/', { cacheName });
    if (cached) return cached;
    throw offline;
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(cacheName)).put(request, response.clone());
  return response;
}

async function staleWhileRevalidate(request: Request, event: FetchEvent): Promise<Response> {
  const cached = await caches.match(request, { cacheName });
  const fresh = fetch(request).then(async (response) => {
    if (response.ok) await (await caches.open(cacheName)).put(request, response.clone());
    return response;
  });
  if (cached) {
    event.waitUntil(fresh.catch(() => undefined));
    return cached;
  }
  return fresh;
}

/** A short, stable hash (FNV-1a) of the shell list, naming the cache. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
