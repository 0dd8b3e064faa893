import { strategyFor } from './swRouting';

const origin = 'https://glidepath.example';
const get = (path: string, mode = 'cors', method = 'GET') => strategyFor({ url: new URL(path, origin).href, method, mode }, origin);

describe('strategyFor', () => {
  it('never caches the server: /api, /auth and the other server routes go to the network', () => {
    for (const path of ['/api/v1/households', '/api/v1/households/1/valuation?asOf=2026-01-01', '/auth/login', '/auth/refresh', '/API/me', '/health', '/openapi/v1.json', '/scalar', '/.well-known/openid-configuration']) {
      expect(get(path)).toBe('network-only');
    }
    // Even when the browser navigates there (a download link, a typed address).
    expect(get('/api/v1/me/export', 'navigate')).toBe('network-only');
    expect(get('/auth/external/callback', 'navigate')).toBe('network-only');
  });

  it('caches the shell: index.html for page navigations, hashed assets, icons and the manifest', () => {
    expect(get('/', 'navigate')).toBe('shell-page');
    expect(get('/households/1/dashboard', 'navigate')).toBe('shell-page');
    expect(get('/assets/index-Ab12Cd34.js')).toBe('cache-first');
    expect(get('/assets/index-Ab12Cd34.css')).toBe('cache-first');
    expect(get('/icons/icon-192.png')).toBe('stale-while-revalidate');
    expect(get('/manifest.webmanifest')).toBe('stale-while-revalidate');
  });

  it('leaves writes, other origins, the worker itself and anything unknown to the network', () => {
    expect(get('/assets/index-Ab12Cd34.js', 'cors', 'POST')).toBe('network-only');
    expect(strategyFor({ url: 'https://cdn.example/assets/x.js', method: 'GET', mode: 'cors' }, origin)).toBe('network-only');
    expect(get('/sw.js')).toBe('network-only');
    expect(get('/robots.txt')).toBe('network-only');
    // A path that only starts like a server prefix is the app's.
    expect(get('/apiary', 'navigate')).toBe('shell-page');
  });
});
