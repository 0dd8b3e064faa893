// Builds src/pwa/sw.ts into dist/sw.js (a fixed name: a worker's address must not change) with the
// build's hashed JS and CSS as the shell it caches on install (__SHELL_FILES__).
import { fileURLToPath } from 'node:url';

/** @returns {import('vite').Plugin} */
export function serviceWorker() {
  const entry = fileURLToPath(new URL('../src/pwa/sw.ts', import.meta.url));
  return {
    name: 'glidepath-service-worker',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: entry, fileName: 'sw.js' });
    },
    generateBundle(_options, bundle) {
      const worker = bundle['sw.js'];
      if (worker?.type !== 'chunk') throw new Error('the service worker chunk is missing');
      if (worker.imports.length > 0 || worker.dynamicImports.length > 0) throw new Error(`sw.js must be one file, it imports ${worker.imports.join(', ')}`);
      const shell = Object.keys(bundle)
        .filter((f) => f !== 'sw.js' && /^assets\/.+\.(js|css)$/.test(f))
        .sort()
        .map((f) => `/${f}`);
      if (!worker.code.includes('__SHELL_FILES__')) throw new Error('sw.js lost its __SHELL_FILES__ placeholder');
      worker.code = worker.code.replaceAll('__SHELL_FILES__', JSON.stringify(shell));
    },
  };
}
