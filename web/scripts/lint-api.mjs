// Lints the OpenAPI document with Redocly CLI's recommended rules (web/redocly.yaml says which
// warnings are accepted and why) and prints the counts. Lints the committed src/api/openapi.json,
// which the E2E tests hold equal to the served /openapi/v1.json; GLIDEPATH_URL=http://HOST:PORT lints
// that server's document instead. Exits 1 on any error (scripts/test counts it as one test).
//   npm run api:lint
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const web = join(import.meta.dirname, '..');
let target = join(web, 'src', 'api', 'openapi.json');
let temp = null;
if (process.env.GLIDEPATH_URL) {
  const res = await fetch(`${process.env.GLIDEPATH_URL}/openapi/v1.json`);
  if (!res.ok) throw new Error(`GET /openapi/v1.json answered ${res.status}`);
  temp = mkdtempSync(join(tmpdir(), 'glidepath-lint-'));
  target = join(temp, 'openapi.json');
  writeFileSync(target, await res.text());
}
try {
  const run = spawnSync(
    'npx',
    ['redocly', 'lint', target, '--config', join(web, 'redocly.yaml'), '--format', 'json', '--max-problems', '100000'],
    { cwd: web, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const start = run.stdout.indexOf('{');
  if (start < 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`redocly lint printed no report (exit ${run.status})`);
  }
  const report = JSON.parse(run.stdout.slice(start));
  const byRule = new Map();
  for (const p of report.problems) {
    const key = `${p.severity} ${p.ruleId}`;
    byRule.set(key, (byRule.get(key) ?? 0) + 1);
    if (p.severity === 'error') console.error(`error ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer ?? '?'}`);
  }
  for (const [key, n] of [...byRule].sort()) console.log(`  ${key}: ${n}`);
  const { errors, warnings } = report.totals;
  console.log(`OpenAPI lint (Redocly recommended): ${errors} errors, ${warnings} warnings`);
  process.exitCode = errors === 0 ? 0 : 1;
} finally {
  if (temp) rmSync(temp, { recursive: true, force: true });
}
