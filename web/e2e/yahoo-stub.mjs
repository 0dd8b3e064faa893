// A stand-in for Yahoo's chart API in the E2E run, so the corporate-action proposals come from real data without the
// internet: AAPL answers Yahoo's real chart body (the file the server tests use: a 4:1 split on 2020-08-31 and a
// 0.205 dividend with ex-date 2020-11-06); any other symbol answers a chart without events (nothing to propose).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const aaplChart = join(import.meta.dirname, '..', '..', 'tests', 'Glidepath.Testing', 'Samples', 'Apis', 'yahoo_chart_v8_AAPL_body.json');

/** Starts the stub on a free loopback port. @returns {Promise<{ url: string, stop: () => Promise<void> }>} */
export async function startYahooStub() {
  const aapl = readFileSync(aaplChart, 'utf8');
  const server = createServer((req, res) => {
    const symbol = decodeURIComponent(/\/v8\/finance\/chart\/([^/?]+)/.exec(req.url ?? '')?.[1] ?? '');
    if (!symbol) {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end('{}');
      return;
    }
    const body = symbol === 'AAPL' ? aapl : JSON.stringify({ chart: { result: [{ meta: { symbol, gmtoffset: 0 } }], error: null } });
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the Yahoo stub has no port');
  return { url: `http://127.0.0.1:${address.port}/`, stop: () => new Promise((resolve) => server.close(() => resolve(undefined))) };
}
