// Notifications (docs/notifications.md): a fill reaches the in-app centre (the bell's unread count
// rises, live or on its poll), a notification is marked read, and a preference is changed and kept.
// Run by e2e/specs/25-notifications.spec.mjs after the orders journey (its helpers place and fill an order).
import { brokerageWithVti, fillNewestOrder, placeOrder } from './orders.mjs';

/** The bell's unread count from its accessible name ("Notifications, 3 unread"). @param {import('playwright-core').Page} page */
async function unread(page) {
  const label = (await page.getByTestId('notification-bell').getAttribute('aria-label')) ?? '';
  return Number(/, (\d+)\+? unread/.exec(label)?.[1] ?? 0);
}

/** The unread count once it has stopped moving (the fill's events arrive one by one, live or on the poll). @param {import('playwright-core').Page} page */
async function settledUnread(page) {
  let last = await unread(page);
  for (let still = 0; still < 8; ) {
    await page.waitForTimeout(500);
    const now = await unread(page);
    still = now === last ? still + 1 : 0;
    last = now;
  }
  return last;
}

/** @param {any} kit */
export async function notificationsJourney(kit) {
  const { test, page, expectText } = kit;
  const where = await brokerageWithVti(kit);

  await test('notifications: a fill raises the bell\'s unread count; one is marked read', async () => {
    await page.goto(where.ordersUrl);
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    // Start from nothing unread, so the count that appears is the fill's (after the earlier journeys' events have landed).
    await settledUnread(page);
    await bell.click();
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    await panel.waitFor();
    const markAll = panel.getByRole('button', { name: 'Mark all read' });
    if (await markAll.isEnabled()) await markAll.click();
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    await bell.click();

    await placeOrder(kit, { instrumentId: where.vti.id, quantity: '3' });
    await fillNewestOrder(kit, where);
    await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).waitFor({ timeout: 90_000 });
    await bell.click();
    const filled = panel.getByRole('button', { name: /Order filled: buy 3 VTI/i }).first();
    await filled.waitFor({ timeout: 90_000 });
    await expectText(filled, 'unread');
    const before = await settledUnread(page);
    await filled.click();
    await page.waitForFunction(
      (/** @type {number} */ n) => /, (\d+) unread/.exec(document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') ?? '')?.[1] !== String(n),
      before,
    );
    if ((await unread(page)) !== before - 1) throw new Error(`marking one read left ${await unread(page)} unread (was ${before})`);
    await bell.click();
  }, { allow: [{ url: /\/orders$/, status: 403 }] });

  await test('notifications: a preference is changed on the settings page and kept', async () => {
    await page.goto(`${kit.householdUrl}/settings`);
    const email = page.getByRole('checkbox', { name: 'order.status_changed by E-mail' });
    await email.waitFor();
    // The box shows what the server stored: it turns once the save has answered, not at the click.
    const turned = (/** @type {boolean} */ want) =>
      page.waitForFunction((/** @type {boolean} */ w) => /** @type {HTMLInputElement | null} */ (document.querySelector('input[aria-label="order.status_changed by E-mail"]'))?.checked === w, want);
    const was = await email.isChecked();
    await email.click();
    await turned(!was);
    await page.reload();
    await email.waitFor();
    if ((await email.isChecked()) === was) throw new Error('the preference was not kept');
    await email.click();
    await turned(was);
  });
}
