// Live what-if on the plan page: editing a field re-simulates the plan through POST …/preview
// (debounced, not queued, nothing saved) and the preview's success probability follows the edit.
// A household of its own, made through the API, so the other journeys' plans stay as they were.

/**
 * @param {{
 *   test: (name: string, body: () => Promise<void>, options?: object) => Promise<void>,
 *   page: import('playwright-core').Page,
 *   apiSend: (method: string, path: string, body?: unknown) => Promise<any>,
 * }} t
 */
export async function planPreviewJourney({ test, page, apiSend }) {
  await test('plan page: moving a field re-simulates the plan live', async () => {
    const household = await apiSend('POST', '/api/v1/households', { name: 'Preview household', reportingCurrency: 'USD' });
    await page.goto(`/households/${household.id}/plans`);
    const create = page.getByRole('form', { name: 'Plan' });
    await create.getByLabel('Plan name').fill('What-if');
    await create.getByLabel('Starting balance').fill('400000');
    await create.getByRole('button', { name: 'Create plan' }).click();
    await page.getByRole('heading', { name: 'What-if', level: 1 }).waitFor();

    const success = page.getByTestId('preview-success');
    let previews = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/preview')) previews++;
    });
    /** The preview's success probability once the edit's answer is shown. */
    const previewAfter = async (/** @type {() => Promise<void>} */ edit) => {
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/preview') && r.ok());
      await edit();
      await answered;
      await page.getByText('Up to date.').waitFor();
      const text = (await success.textContent())?.trim() ?? '';
      if (!/%$/.test(text)) throw new Error(`the preview shows ${text}`);
      return parseFloat(text);
    };

    const form = page.getByRole('form', { name: 'Plan' });
    // Typed one key at a time: the debounce sends one request for the burst, not one per key.
    const saving = form.getByLabel('Monthly saving until retirement');
    await previewAfter(async () => {
      await saving.fill('');
      await saving.pressSequentially('10', { delay: 30 });
    });
    if (previews > 2) throw new Error(`typing two keys sent ${previews} previews`);

    // Far more, then far less starting money: the success probability follows, nothing is saved.
    const rich = await previewAfter(() => form.getByLabel('Starting balance').fill('20000000'));
    const poor = await previewAfter(() => form.getByLabel('Starting balance').fill('0'));
    if (!(poor < rich)) throw new Error(`success went from ${rich}% to ${poor}% with no money`);
    const plans = await apiSend('GET', `/api/v1/households/${household.id}/plans`);
    if (plans[0].scenario.startBalance !== 400000) throw new Error(`the preview saved the plan: ${plans[0].scenario.startBalance}`);
  }, { shot: 'plan-preview', independent: true });
}
