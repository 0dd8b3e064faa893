/**
 * Registers the service worker (public at /sw.js, built by vite.config.ts) in production builds:
 * the app installs as a PWA and its shell loads offline. The dev server has no worker, so a
 * developer always sees the current code.
 */
export function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    // A failure (e.g. a browser with workers turned off) leaves the app as it is: online only.
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
