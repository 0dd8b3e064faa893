// The risk questionnaire (docs/risk-profile.md): in a household of its own with one person, submit
// with items left open (the page names them), then answer the 13 Grable & Lytton items with the
// sample's highest-scoring vector (score 47, tolerance level 10) and a short horizon with a thin
// emergency fund (capacity 4 points, level 4): the page shows level 4 and the reason that the lower
// of the two wins, and the profile is stored. Run by e2e/specs/29-risk-profile.spec.mjs.

/**
 * @param {{
 *   test: (name: string, body: () => Promise<void>, options?: object) => Promise<void>,
 *   page: import('@playwright/test').Page,
 *   expectText: (locator: import('@playwright/test').Locator, text: string) => Promise<void>,
 *   apiSend: (method: string, path: string, body?: unknown) => Promise<any>,
 *   apiGet: (path: string) => Promise<any>,
 * }} t
 */
export async function riskProfileJourney({ test, page, expectText, apiSend, apiGet }) {
  await test('risk profile: take the questionnaire and see the level and the reason', async () => {
    await page.goto('/'); // the API helpers read the session from the page's storage
    const household = await apiSend('POST', '/api/v1/households', { name: 'Risk household', reportingCurrency: 'USD' });
    const h = `/api/v1/households/${household.id}`;
    await apiSend('POST', `${h}/people`, { name: 'Riley Risk', birthDate: '1985-03-02', filingStatus: 'Single', country: 'US', state: null, retirementAge: 65 });
    await page.goto(`/households/${household.id}/risk-profile`);
    await expectText(page.locator('main'), 'Nobody has taken the questionnaire yet');

    const form = page.getByRole('form', { name: 'Take the questionnaire' });
    await form.getByRole('radio', { name: 'a. A real gambler' }).check();
    await form.getByRole('button', { name: 'See my risk level' }).click();
    await expectText(form.getByRole('alert'), 'Answer every item: 2, 3');

    const answers = 'addccdddbbdcd';
    for (let i = 0; i < answers.length; i++) {
      await form.locator(`input[name="item-${i + 1}"][value="${answers[i]}"]`).check();
    }
    await expectText(form, 'Tolerance score so far: 47 of 47');
    await form.getByLabel('Years until you need the money').fill('4');
    await form.getByLabel('Income', { exact: true }).selectOption('Variable');
    await form.getByLabel('Emergency fund (months of spending)').fill('2');
    await form.getByLabel('Debt payments / gross income').fill('0.3');
    await form.getByLabel('Dependants').fill('1');
    await form.getByRole('button', { name: 'See my risk level' }).click();

    await expectText(form.getByRole('status'), 'Saved: risk level 4');
    const current = page.getByTestId('risk-profile-current');
    await expectText(current, 'Riley Risk: risk level 4');
    await expectText(page.getByTestId('risk-profile-reason'), 'the emergency fund covers less than 3 months');
    await expectText(page.getByTestId('risk-profile-reason'), 'the lower one wins, so level 4');
    const stored = await apiGet(`${h}/risk-profile`);
    if (stored.current[0]?.profile.recommendedLevel !== 4 || stored.history.length !== 1) throw new Error('the profile was not stored as shown');
  }, { shot: 'risk-profile' });
}
