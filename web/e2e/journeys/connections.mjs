// Connections (docs/aggregation.md): get a link token, connect with the sandbox public token (step-up), sync now
// (the documented sync page books Walmart 72.10; the documented holdings differ from the empty ledger in 7 places),
// and delete. Against the Plaid stub of the E2E run (e2e/plaid-stub.mjs). Run by e2e/specs/45-connections.spec.mjs.
import { PUBLIC_TOKEN } from '../plaid-stub.mjs';

/** @param {any} kit */
export async function connectionsJourney({ test, page, expectText, totp, householdUrl }) {
  const region = () => page.getByRole('region', { name: 'Link an institution' });

  /** The step-up of earlier specs may have expired: then the dialog asks for a code. @param {import('playwright-core').Locator} done */
  async function confirmStepUp(done) {
    const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
    const asked = await Promise.race([dialog.waitFor().then(() => true), done.waitFor().then(() => false)].map((p) => p.catch(() => false)));
    if (asked) {
      await dialog.getByLabel('Authenticator code').fill(await totp());
      await dialog.getByRole('button', { name: 'Confirm' }).click();
    }
  }

  await test('connections: link with the sandbox public token', async () => {
    await page.goto(`${householdUrl}/connections`);
    await region().getByRole('button', { name: 'Get a link token' }).click();
    await expectText(page.getByTestId('link-token'), 'link-sandbox-');
    await region().getByLabel('Public token').fill(PUBLIC_TOKEN);
    await region().getByRole('button', { name: 'Connect' }).click();
    const card = page.getByRole('article', { name: 'Chase' });
    await confirmStepUp(card);
    await expectText(card.getByTestId('connection-health'), 'Not synced yet');
  }, { shot: 'connections-linked', allow: [{ url: /\/connections$/, status: 403 }] });

  await test('connections: sync now books the posted transaction and reports holdings', async () => {
    const card = page.getByRole('article', { name: 'Chase' });
    await card.getByRole('button', { name: 'Sync now' }).click();
    await expectText(card.getByTestId('sync-result'), '1 added · 0 changed · 0 removed · 2 skipped · 7 holdings differ from the ledger');
    await expectText(card.getByTestId('connection-health'), 'Up to date');
  }, { shot: 'connections-synced' });

  await test('connections: delete', async () => {
    page.once('dialog', (/** @type {import('playwright-core').Dialog} */ d) => void d.accept());
    await page.getByRole('article', { name: 'Chase' }).getByRole('button', { name: 'Delete' }).click();
    await expectText(page.getByRole('region', { name: 'Linked institutions' }), 'No institutions linked yet.');
  });
}
