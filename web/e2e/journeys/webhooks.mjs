// Webhooks (docs/webhooks.md): subscribe a loopback receiver (the E2E server allows loopback http,
// e2e/global-setup.mjs), see the secret once, send a test, check its signature as the docs say and
// see the delivery in the log, redeliver it (same Glidepath-Delivery id), edit, disable, enable and
// delete. Run by e2e/specs/26-webhooks.spec.mjs on the E2E household.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

/** The verification recipe of docs/webhooks.md (JavaScript). @param {string} secret @param {string} header @param {Buffer} rawBody */
function verify(secret, header, rawBody, toleranceSeconds = 300) {
  const pairs = header.split(',').map((p) => p.split('=', 2)).filter((p) => p.length === 2);
  const t = pairs.find(([k]) => k === 't')?.[1];
  if (!t || !/^\d+$/.test(t) || Math.abs(Date.now() / 1000 - Number(t)) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest();
  return pairs.some(([k, v]) => k === 'v1' && v?.length === 64 && timingSafeEqual(Buffer.from(v, 'hex'), expected));
}

/** A receiver on a free loopback port that answers 200 and keeps what it got. */
async function receiver() {
  /** @type {{ headers: import('node:http').IncomingHttpHeaders, body: Buffer }[]} */
  const received = [];
  const server = createServer((req, res) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  /** @param {number} count */
  const waitFor = async (count, timeout = 60_000) => {
    const deadline = Date.now() + timeout;
    while (received.length < count) {
      if (Date.now() > deadline) throw new Error(`the receiver got ${received.length} of ${count} deliveries`);
      await new Promise((r) => setTimeout(r, 250));
    }
    return received[count - 1];
  };
  return { url: `http://127.0.0.1:${address.port}/glidepath`, received, waitFor, close: () => new Promise((r) => server.close(() => r(undefined))) };
}

/** @param {any} kit */
export async function webhooksJourney({ test, page, expectText, householdUrl }) {
  const hook = await receiver();
  let secret = '';
  try {
    await test('webhooks: subscribe a URL to events; the secret is shown once', async () => {
      await page.goto(`${householdUrl}/webhooks`);
      const form = page.getByRole('region', { name: 'Add a webhook' });
      await form.getByLabel('URL').fill('http://example.com/hook');
      await form.getByRole('checkbox', { name: /order\.filled/ }).check();
      await form.getByRole('button', { name: 'Create webhook' }).click();
      await expectText(form.locator('.field-error'), 'https://');
      await form.getByLabel('URL').fill(hook.url);
      await form.getByRole('button', { name: 'Create webhook' }).click();
      const shown = page.getByRole('region', { name: /Signing secret/ });
      await expectText(shown, 'you will not see this secret again');
      secret = (await shown.getByTestId('webhook-secret').textContent())?.trim() ?? '';
      if (secret.length < 20) throw new Error(`a short secret: ${secret}`);
      await shown.getByRole('button', { name: 'I have stored it' }).click();
      await expectText(page.getByTestId('webhook'), hook.url);
      await page.reload();
      await expectText(page.getByTestId('webhook'), 'Enabled');
      if ((await page.content()).includes(secret)) throw new Error('the secret is shown again');
    });

    await test('webhooks: a test delivery arrives signed and shows in the log; redelivery keeps its id', async () => {
      const card = page.getByTestId('webhook').filter({ hasText: hook.url });
      await card.getByRole('button', { name: 'Send test' }).click();
      const ping = await hook.waitFor(1);
      if (ping?.headers['glidepath-event'] !== 'webhook.ping') throw new Error(`event ${ping?.headers['glidepath-event']}`);
      if (!verify(secret, String(ping.headers['glidepath-signature']), ping.body)) throw new Error('the signature does not verify');
      const log = card.getByTestId('delivery-log');
      for (let i = 0; i < 30 && !(await log.filter({ hasText: 'HTTP 200' }).count()); i++) {
        await card.getByRole('button', { name: 'Refresh' }).click();
        await page.waitForTimeout(1_000);
      }
      await expectText(log, 'delivered');
      await expectText(log, 'HTTP 200');
      await expectText(log, 'webhook.ping');
      await log.getByRole('button', { name: /^Redeliver webhook\.ping/ }).first().click();
      const again = await hook.waitFor(2);
      if (again?.headers['glidepath-delivery'] !== ping.headers['glidepath-delivery']) throw new Error('a redelivery with another id');
    });

    await test('webhooks: edit the events, disable, enable and delete', async () => {
      const card = page.getByTestId('webhook').filter({ hasText: hook.url });
      await card.getByRole('button', { name: 'Edit' }).click();
      await card.getByRole('checkbox', { name: /transaction\.created/ }).check();
      await card.getByRole('button', { name: 'Save changes' }).click();
      await expectText(card, 'transaction.created');
      await card.getByRole('button', { name: 'Disable' }).click();
      await expectText(card, 'Disabled');
      await card.getByRole('button', { name: 'Enable' }).click();
      await expectText(card, 'Enabled');
      await card.getByRole('button', { name: 'Delete' }).click();
      await card.getByRole('button', { name: 'Delete it and its log' }).click();
      await expectText(page.getByRole('region', { name: 'Subscriptions' }), 'No webhooks yet.');
    });
  } finally {
    await hook.close();
  }
}
