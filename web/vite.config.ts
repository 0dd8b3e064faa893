/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { serviceWorker } from './scripts/service-worker-plugin.mjs';
import { bundleBudget } from './scripts/bundle-budget-plugin.mjs';

// The API server the dev server proxies to (dotnet run --project src/Glidepath.Server).
const api = process.env.GLIDEPATH_API ?? 'http://127.0.0.1:5080';

export default defineConfig({
  plugins: [react(), tailwindcss(), serviceWorker(), bundleBudget()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      ...Object.fromEntries(['/api', '/auth', '/health', '/openapi'].map((p) => [p, { target: api, changeOrigin: false }])),
      '/hubs': { target: api, changeOrigin: false, ws: true }, // SignalR (WebSockets)
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      // Many routes share small modules (queries, formatters, TanStack Query's parts): Rollup would give
      // each set of sharers a chunk of its own, and a page's first load fetched some thirty files of 1-3 KiB.
      // On a phone's connection each is a round trip (HTTP/1.1: six at a time), so chunks under 20 KB
      // are merged into a chunk that is loaded wherever they are (docs/web.md, "Loading fast on a phone").
      output: { experimentalMinChunkSize: 20_000 },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    // Form tests type into many fields; a loaded CI machine needs more than the 5 s default.
    testTimeout: 30_000,
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
