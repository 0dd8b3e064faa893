// Latency of the live what-if, POST /api/households/{id}/plans/{planId}/preview, through the API:
// starts the built server (web/scripts/server.mjs: a throwaway SQLite database), signs up, stores the
// benchmark plan (examples/benchmark-retirement.json), warms up, then times N sequential previews of
// PATHS paths (each with a new seed, so nothing is cached) and prints p50/p95/max in milliseconds.
//   dotnet build src/Glidepath.Server -c Release -p:SkipWebBuild=true && node bench/preview-latency.mjs [N] [PATHS]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startServer } from '../web/scripts/server.mjs';

const runs = Number(process.argv[2] ?? 100);
const paths = Number(process.argv[3] ?? 10_000);
// The API's per-user limit (60 a minute) is raised: this measures latency, not the limiter.
const server = await startServer({ env: { RateLimits__ApiPerMinute: '100000' } });
try {
  const post = async (path, body, token) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return res.json();
  };
  const email = `bench-${Date.now()}@example.com`;
  const password = 'correct horse battery staple 42';
  await post('/auth/register', { email, password });
  const { accessToken } = await post('/auth/login', { email, password });
  const household = await post('/api/households', { name: 'Bench', reportingCurrency: 'USD' }, accessToken);
  const scenario = JSON.parse(readFileSync(join(repoRoot, 'examples', 'benchmark-retirement.json'), 'utf8'));
  const plan = await post(`/api/households/${household.id}/plans`, { name: 'Bench', scenario }, accessToken);
  const url = `/api/households/${household.id}/plans/${plan.id}/preview`;
  for (let i = 0; i < 10; i++) await post(url, { paths, seed: 1000 + i }, accessToken);
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await post(url, { paths, seed: i + 1 }, accessToken);
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const at = (q) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)].toFixed(1);
  console.log(`preview paths=${paths} runs=${runs} p50=${at(0.5)}ms p95=${at(0.95)}ms max=${ms[ms.length - 1].toFixed(1)}ms`);
} finally {
  await server.stop();
}
