// Starts the built server (scripts/server.mjs: a fresh SQLite database, no demo data, a free
// loopback port) for the whole E2E run and hands its address to the specs (GLIDEPATH_E2E_URL).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, serverDll } from '../scripts/server.mjs';
import { artifacts } from './kit.mjs';
import { startYahooStub } from './yahoo-stub.mjs';
import { startPlaidStub, PLAID_CLIENT_ID, PLAID_SECRET } from './plaid-stub.mjs';

export default async function globalSetup() {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  const dir = join(serverDll(), '..');
  if (!existsSync(join(dir, 'wwwroot', 'index.html')) && !existsSync(join(dir, 'Glidepath.Server.staticwebassets.runtime.json'))) {
    throw new Error(`No web build next to the server (${dir}): publish it, or build without SkipWebBuild.`);
  }
  // The specs drive one user through every page in a few minutes, far faster than a person: above
  // the default 60 API requests and 30 expensive reads a minute per user. The limiters have their own server tests.
  // Yahoo's chart API is a local stub serving its real AAPL chart (yahoo-stub.mjs): the corporate-action journey's data.
  // Webhooks: the journey's receiver listens on loopback http, which Production refuses unless allowed.
  // Plaid: a local stub answering Plaid's documentation examples (plaid-stub.mjs), for the connections journey.
  const yahoo = await startYahooStub();
  const plaid = await startPlaidStub();
  const server = await startServer({
    env: {
      RateLimits__ApiPerMinute: '1000',
      RateLimits__ReadCostPerMinute: '100000',
      MarketData__Providers__yahoo__BaseUrl: yahoo.url,
      Webhooks__AllowLoopback: 'true',
      Aggregation__Plaid__BaseUrl: plaid.url,
      Aggregation__Plaid__ClientId: PLAID_CLIENT_ID,
      Aggregation__Plaid__Secret: PLAID_SECRET,
    },
  });
  process.env.GLIDEPATH_E2E_URL = server.url;
  // The journeys that stand in for the passing of time (e2e/journeys/orders.mjs) write to the database.
  process.env.GLIDEPATH_E2E_DB = server.database;
  return async () => {
    await server.stop();
    await yahoo.stop();
    await plaid.stop();
  };
}
