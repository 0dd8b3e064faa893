// Starts the real Glidepath server on a fresh SQLite database in a temp folder, on a free
// loopback port, without demo data; used by the OpenAPI type generator and the E2E tests.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

/** The newest built server binary (Release or Debug), or the one GLIDEPATH_SERVER_DLL names. */
export function serverDll() {
  if (process.env.GLIDEPATH_SERVER_DLL) return process.env.GLIDEPATH_SERVER_DLL;
  const candidates = ['Release', 'Debug']
    .map((c) => join(repoRoot, 'src', 'Glidepath.Server', 'bin', c, 'net10.0', 'Glidepath.Server.dll'))
    .filter((p) => existsSync(p))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (candidates.length === 0) throw new Error('Build the server first: dotnet build src/Glidepath.Server');
  return /** @type {string} */ (candidates[0]);
}

/**
 * @param {{ log?: (line: string) => void, env?: Record<string, string> }} [options]
 * @returns {Promise<{ url: string, database: string, stop: () => Promise<void>, output: () => string }>}
 */
export async function startServer(options = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'glidepath-web-'));
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn('dotnet', [serverDll()], {
    cwd: dataDir,
    env: {
      ...process.env,
      Urls: url,
      ASPNETCORE_ENVIRONMENT: 'Production',
      ConnectionStrings__Sqlite: `Data Source=${join(dataDir, 'glidepath.db')}`,
      Glidepath__SeedDemoData: 'false',
      // Production refuses to start without a field-encryption key (docs/encryption.md): a fresh one per run.
      Encryption__Keys__1: randomBytes(32).toString('base64'),
      Encryption__ActiveKey: '1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (/** @type {Buffer} */ chunk) => {
    output += chunk.toString();
    options.log?.(chunk.toString());
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = false;
  child.on('exit', () => (exited = true));

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`The server exited before it was ready:\n${output}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not answer /health within 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    /** The SQLite file, for E2E steps that stand in for the passing of time (e2e/journeys/orders.mjs). */
    database: join(dataDir, 'glidepath.db'),
    output: () => output,
    stop: async () => {
      if (!exited) {
        const done = new Promise((r) => child.on('exit', r));
        child.kill('SIGTERM');
        await Promise.race([done, new Promise((r) => setTimeout(r, 10_000))]);
        if (!exited) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
