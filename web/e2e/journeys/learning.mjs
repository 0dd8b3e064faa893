// Learning articles (docs/learning.md): the E2E user reads an article of the starter set and follows its link to
// another; an admin edits an article in the UI and the reader sees the change. Run by e2e/specs/39.
//
// The admin is made as in the advisors journey and gets a browser context of their own, signed in by putting the
// tokens of an API sign-in where the app keeps its session (localStorage, src/auth/session.ts).
import { baseURL } from '../kit.mjs';
import { signInWithRole } from './advisors.mjs';

/** Spec 39: read an article; an admin edits one. @param {any} kit */
export async function learningJourney({ test, page, expectText, browser }) {
  await test(
    'learning: the user finds an article by topic, reads it with its reading time, and follows its link',
    async () => {
      await page.goto('/');
      await page.getByRole('link', { name: 'Learn' }).click();
      await page.getByRole('heading', { name: 'Learn', level: 1 }).waitFor();
      await page.getByRole('group', { name: 'Topic' }).getByRole('button', { name: 'tax', exact: true }).click();
      const item = page.getByTestId('articles').getByRole('listitem').filter({ hasText: 'Why tax-loss harvesting works' });
      await expectText(item, 'min read');
      await item.getByRole('link', { name: 'Why tax-loss harvesting works' }).click();
      const article = page.getByTestId('article');
      await article.getByRole('heading', { name: 'Why tax-loss harvesting works', level: 1 }).waitFor();
      await expectText(page.getByTestId('article-meta'), 'min read');
      await article.getByRole('link', { name: 'the wash-sale rule' }).click();
      await article.getByRole('heading', { name: 'The wash-sale rule', level: 1 }).waitFor();
    },
    { shot: 'learning-article' },
  );

  await test(
    'learning: an admin edits an article in the UI and readers see the change',
    async () => {
      const tokens = await signInWithRole('admin39@example.com', 'admin');
      const context = await browser.newContext({ baseURL: baseURL(), locale: 'en-US', serviceWorkers: 'block' });
      try {
        const session = JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: Date.now() + tokens.expiresIn * 1000 });
        await context.addInitScript((/** @type {string} */ s) => window.localStorage.setItem('glidepath.session', s), session);
        const admin = await context.newPage();
        await admin.goto('/learn/emergency-fund');
        await admin.getByTestId('article').getByRole('heading', { name: 'The emergency fund', level: 1 }).waitFor();
        await admin.getByRole('button', { name: 'Edit this article' }).click();
        const editor = admin.getByRole('form', { name: 'Edit the article' });
        const markdown = editor.getByLabel('Markdown');
        await markdown.fill(`${await markdown.inputValue()}\nReviewed by the editors in December 2026.\n`);
        await editor.getByRole('button', { name: 'Save' }).click();
        await admin.getByTestId('article').getByText('Reviewed by the editors in December 2026.').waitFor();
      } finally {
        await context.close();
      }
      await page.goto('/learn/emergency-fund');
      await expectText(page.getByTestId('article'), 'Reviewed by the editors in December 2026.');
      if ((await page.getByRole('button', { name: 'Edit this article' }).count()) > 0) throw new Error('a user who is not an admin sees the editor');
    },
    { shot: 'learning-edited' },
  );
}
