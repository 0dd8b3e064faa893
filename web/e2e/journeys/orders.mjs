// Orders of one account (docs/orders.md): place a market buy through the step-up dialog, see it wait
// for a close after its day, check for fills and see the fill and its booked transaction, cancel an
// open limit order. Run by e2e/specs/24-orders.spec.mjs on the E2E household (the fixture's VTI closes:
// 2024-01-02, 2024-03-28 and 2024-06-28 at 250.00; the paper broker has no commission or slippage here).
//
// The paper broker fills at the first close dated after the order's day, and the newest stored close
// is in 2024: an order placed today waits for a close that no test run will see. As the server tests
// do (OrderEndpointsTest.BackdateAsync), the journey moves the order's time back in the server's
// database, to 2024-03-29, so the 2024-06-28 close is the first one after it.
import { execFileSync } from 'node:child_process';

/** Moves an order's creation time back, standing in for the days that pass before a close. @param {string} orderId */
export function backdateOrder(orderId, created = '2024-03-29 15:00:00+00:00') {
  const database = process.env.GLIDEPATH_E2E_DB;
  if (!database) throw new Error('GLIDEPATH_E2E_DB is not set (e2e/global-setup.mjs sets it)');
  if (!/^[0-9a-f-]{36}$/i.test(orderId)) throw new Error(`not an order id: ${orderId}`);
  execFileSync('sqlite3', ['-cmd', '.timeout 10000', database, `UPDATE orders SET created_utc = '${created}' WHERE lower(id) = lower('${orderId}');`]);
}

/**
 * Fills the place-order form and submits it, answering the step-up dialog when the server asks for a
 * fresh second factor. @param {any} kit @param {{ instrumentId: string, quantity: string, type?: 'Market' | 'Limit', limitPrice?: string }} order
 */
export async function placeOrder({ page, expectText, totp }, order) {
  const form = page.getByRole('region', { name: 'Place an order' });
  await form.getByLabel('Instrument').selectOption(order.instrumentId);
  await form.getByLabel('Order type').selectOption(order.type ?? 'Market');
  await form.getByLabel('Quantity').fill(order.quantity);
  if (order.limitPrice) await form.getByLabel('Limit price').fill(order.limitPrice);
  await form.getByRole('button', { name: 'Place order' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
  const placed = form.getByRole('status').filter({ hasText: 'Order placed' });
  await dialog.or(placed).first().waitFor();
  if (await dialog.isVisible()) {
    await dialog.getByLabel('Authenticator code').fill(await totp());
    await dialog.getByRole('button', { name: 'Confirm' }).click();
  }
  await expectText(placed, 'Order placed');
}

/** The household's VTI and the account it is held in. @param {any} kit */
export async function brokerageWithVti({ apiGet, householdUrl }) {
  const householdId = householdUrl.split('/').pop();
  const { items } = await apiGet(`/api/v1/instruments?householdId=${householdId}&inUse=true&pageSize=100`);
  const vti = items.find((/** @type {{ symbol: string }} */ i) => i.symbol === 'VTI');
  const accounts = await apiGet(`/api/v1/households/${householdId}/accounts`);
  const account = accounts.find((/** @type {{ name: string }} */ a) => a.name === 'Brokerage');
  if (!vti || !account) throw new Error('the E2E household has no VTI or no Brokerage account');
  return { householdId, vti, account, ordersUrl: `${householdUrl}/accounts/${account.id}/orders` };
}

/** Backdates the newest open order of the account and has it processed from the page; waits until it is filled. @param {any} kit @param {{ account: { id: string } }} where */
export async function fillNewestOrder(kit, { account }) {
  const { page, apiGet, expectText } = kit;
  const [newest] = await apiGet(`/api/v1/accounts/${account.id}/orders`);
  if (!newest || !['Pending', 'Submitted'].includes(newest.status)) throw new Error(`the newest order is ${newest?.status}, not open`);
  backdateOrder(newest.id);
  await page.getByRole('button', { name: 'Check for fills now' }).click();
  await expectText(page.getByTestId('fills-check'), 'Checked');
  // The minute job may have booked it first; either way the page shows it filled. Backdated, it is no longer the
  // newest card: find it by its id.
  await expectText(orderCard(page, newest.id).getByTestId('order-status'), 'Filled');
  return newest.id;
}

/** The page's card of one order. @param {import('@playwright/test').Page} page @param {string} id */
export function orderCard(page, id) {
  return page.locator(`article[aria-labelledby="order-${id}"]`);
}

/** @param {any} kit */
export async function ordersJourney(kit) {
  const { test, page, expectText, apiGet } = kit;
  const where = await brokerageWithVti(kit);
  const today = new Date().toISOString().slice(0, 10);
  const stepUp = { allow: [{ url: /\/orders$/, status: 403 }] };
  // By now the E2E household's valuation may answer 422 (the accounts page shows why); not this journey's concern.
  const fromAccounts = { allow: [...stepUp.allow, { url: /\/valuation$/, status: 422 }] };

  await test('orders: from the accounts page, place a market buy with a step-up; it waits for a close after today', async () => {
    await page.goto(`${kit.householdUrl}/accounts`);
    await page.getByRole('link', { name: 'Orders of Brokerage' }).click();
    await page.getByRole('heading', { name: 'Orders: Brokerage' }).waitFor();
    await placeOrder(kit, { instrumentId: where.vti.id, quantity: '2' });
    const card = page.getByTestId('order').first();
    await expectText(card, 'Buy 2 VTI · Market');
    await expectText(card, `Waiting for the next close after ${today}`);
  }, fromAccounts);

  await test('orders: check for fills now books the fill at the first close after the order, once', async () => {
    const orderId = await fillNewestOrder(kit, where);
    const card = orderCard(page, orderId);
    const fills = card.getByRole('table');
    await expectText(fills, 'Jun 28, 2024');
    await expectText(fills, '$250.00');
    await expectText(card, 'Submitted → Filled');
    // A second check books nothing more: one transaction for the one fill.
    await page.getByRole('button', { name: 'Check for fills now' }).click();
    await expectText(page.getByTestId('fills-check'), 'Checked');
    const { items } = await apiGet(`/api/v1/households/${where.householdId}/transactions?accountId=${where.account.id}&pageSize=100`);
    const booked = items.filter((/** @type {{ externalId: string | null }} */ t) => t.externalId?.startsWith(`order:${orderId.replaceAll('-', '')}:`));
    if (booked.length !== 1) throw new Error(`expected one booked transaction, found ${booked.length}`);
    await card.getByRole('link', { name: 'transaction' }).click();
    await expectText(page.locator('table'), 'Fill 1 of order');
  });

  await test('orders: an open limit order is cancelled, with the reason in its history', async () => {
    await page.goto(where.ordersUrl);
    await placeOrder(kit, { instrumentId: where.vti.id, quantity: '1', type: 'Limit', limitPrice: '1' });
    const card = page.getByTestId('order').first();
    await expectText(card, 'Buy 1 VTI · Limit at $1.00');
    await expectText(card, 'at or below the limit of 1');
    await card.getByRole('button', { name: 'Cancel the order to buy 1 VTI' }).click();
    await expectText(card.getByTestId('order-status'), 'Cancelled');
    await expectText(card, 'cancelled by the user');
  }, stepUp);
}
