// A stand-in for Plaid's API in the E2E run (docs/aggregation.md, "Wire format"): POST with JSON bodies carrying
// client_id and secret (and access_token), answers built from Plaid's documentation examples (the files the server
// tests use, tests/Glidepath.Testing/Samples/Apis/plaid_*.json), errors as Plaid's error object. The same item as the
// server tests' PlaidStub: public token PUBLIC_TOKEN (or one from sandbox/public_token/create), the exchange example's
// access token, the sync example as the first page and an empty page after its cursor.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

const samples = join(import.meta.dirname, '..', '..', 'tests', 'Glidepath.Testing', 'Samples', 'Apis');
/** @param {string} name */
const sample = (name) => JSON.parse(readFileSync(join(samples, name), 'utf8'));

export const PLAID_CLIENT_ID = 'glidepath-e2e-client';
export const PLAID_SECRET = 'glidepath-e2e-secret';
export const PUBLIC_TOKEN = 'public-sandbox-b0e2c4d6-8e1a-4b3c-9d5e-7f6a8b9c0d1e';

/** @param {import('node:http').ServerResponse} res @param {string} type @param {string} code @param {string} message */
function error(res, type, code, message) {
  res.writeHead(400, { 'Content-Type': 'application/json' }).end(
    JSON.stringify({ display_message: null, documentation_url: 'https://plaid.com/docs/errors/', error_code: code, error_message: message, error_type: type, request_id: 'e2eError', suggested_action: null }),
  );
}

/** Starts the stub on a free loopback port. @returns {Promise<{ url: string, stop: () => Promise<void> }>} */
export async function startPlaidStub() {
  const exchange = sample('plaid_item_public_token_exchange.response.json');
  const sync = sample('plaid_transactions_sync.response.json');
  const holdings = sample('plaid_investments_holdings_get.response.json');
  const publicTokens = new Set([PUBLIC_TOKEN]);
  const server = createServer((req, res) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').replace(/^\//, '');
      /** @type {any} */
      let body = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        error(res, 'INVALID_REQUEST', 'INVALID_BODY', 'body could not be parsed as JSON');
        return;
      }
      if (body.client_id !== PLAID_CLIENT_ID || body.secret !== PLAID_SECRET) return error(res, 'INVALID_INPUT', 'INVALID_API_KEYS', 'invalid client_id or secret provided');
      const ok = (/** @type {unknown} */ answer) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
      if (path === 'link/token/create') return ok(sample('plaid_link_token_create.response.json'));
      if (path === 'sandbox/public_token/create') {
        const token = `public-sandbox-${randomUUID()}`;
        publicTokens.add(token);
        return ok({ public_token: token, request_id: 'e2eSandbox' });
      }
      if (path === 'item/public_token/exchange') {
        if (!publicTokens.delete(body.public_token)) return error(res, 'INVALID_INPUT', 'INVALID_PUBLIC_TOKEN', 'provided public token is expired');
        return ok(exchange);
      }
      if (body.access_token !== exchange.access_token) return error(res, 'INVALID_INPUT', 'INVALID_ACCESS_TOKEN', 'provided access token is in an invalid format');
      if (path === 'accounts/get') return ok({ accounts: [...sync.accounts, ...holdings.accounts], item: { ...holdings.item, item_id: exchange.item_id }, request_id: 'e2eAccounts' });
      if (path === 'transactions/sync') {
        if (!body.cursor) return ok(sync);
        return ok({ accounts: [], added: [], modified: [], removed: [], next_cursor: body.cursor, has_more: false, request_id: 'e2eEmpty' });
      }
      if (path === 'investments/holdings/get') return ok(holdings);
      return error(res, 'INVALID_REQUEST', 'UNKNOWN_FIELDS', `the stub does not answer ${path}`);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the Plaid stub has no port');
  return { url: `http://127.0.0.1:${address.port}/`, stop: () => new Promise((resolve) => server.close(() => resolve(undefined))) };
}
