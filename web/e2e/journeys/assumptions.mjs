// Capital-market assumptions (docs/assumptions.md): an admin reads the current version on the administration page,
// is stopped by the form before sending a correlation above 1, and stores a new version, which becomes current.
// The new version carries the same figures, so later journeys' numbers do not move. Run by e2e/specs/43.
import { baseURL } from '../kit.mjs';
import { signInWithRole } from './advisors.mjs';

/** Spec 43: an admin stores a new version of the assumptions. @param {any} kit */
export async function assumptionsJourney({ test, expectText, browser }) {
  await test(
    'assumptions: an admin writes a new version from the current one; a bad correlation is refused before it is sent',
    async () => {
      const tokens = await signInWithRole('admin43@example.com', 'admin');
      const context = await browser.newContext({ baseURL: baseURL(), locale: 'en-US', serviceWorkers: 'block' });
      try {
        const session = JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: Date.now() + tokens.expiresIn * 1000 });
        await context.addInitScript((/** @type {string} */ s) => window.localStorage.setItem('glidepath.session', s), session);
        const admin = await context.newPage();
        await admin.goto('/admin');
        const section = admin.getByRole('region', { name: 'Capital-market assumptions' });
        await expectText(section.getByTestId('assumptions-current'), 'Current: version 1');
        await section.getByRole('button', { name: 'Write a new version' }).click();
        const form = section.getByRole('form', { name: 'New assumptions version' });
        await form.getByLabel('Name').fill('Committee review, December 2026');
        const correlation = form.getByLabel('Correlation of US equity and Bonds');
        const kept = await correlation.inputValue();
        await correlation.fill('1.5');
        await form.getByRole('button', { name: 'Store as the new current version' }).click();
        await expectText(form.getByRole('alert'), 'must be between -1 and 1');
        await correlation.fill(kept);
        await form.getByRole('button', { name: 'Store as the new current version' }).click();
        await expectText(section.getByTestId('assumptions-current'), 'Current: version 2, Committee review, December 2026');
      } finally {
        await context.close();
      }
    },
    { shot: 'admin-assumptions' },
  );
}
