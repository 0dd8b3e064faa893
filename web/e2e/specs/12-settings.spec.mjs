// Settings and security: two-factor sign-in, step-up, sessions, privacy export, advisor access, password reset.
import { e2e, email, password } from '../kit.mjs';

e2e('settings page', { shot: 'settings' }, async ({ page, state }) => {
  await page.goto(`${state.householdUrl}/settings`);
  await page.getByLabel('Name').waitFor();
});

e2e('turn on two-factor sign-in', { shot: 'settings-mfa' }, async ({ page, state, expectText, totp }) => {
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  state.totpKey = ((await page.getByTestId('totp-key').textContent()) ?? '').trim();
  await page.getByLabel('Code from the app').fill(await totp());
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expectText(page.getByRole('status'), 'Two-factor sign-in is on');
});

e2e('new recovery codes after a step-up', { shot: 'settings-step-up', expect: [{ url: /\/api\/v1\/me\/mfa\/recovery-codes$/, status: 403 }] }, async ({ page, expectText, totp }) => {
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByTestId('mfa-state').waitFor();
  // The session signed in with a password only: the server asks for a step-up, the dialog gets the code.
  await page.getByRole('button', { name: 'New recovery codes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
  await dialog.getByLabel('Authenticator code').fill(await totp());
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expectText(page.getByRole('status'), 'New recovery codes');
  const codes = await page.getByTestId('recovery-codes').locator('li').count();
  if (codes !== 10) throw new Error(`expected 10 recovery codes, got ${codes}`);
});

e2e('sessions: sign out another session', { shot: 'settings-sessions' }, async ({ page, expectText, totp, baseURL }) => {
  // Another device signs in; its refresh token works until this page signs it out.
  const login = await fetch(`${baseURL}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password, totpCode: await totp() }) });
  if (!login.ok) throw new Error(`the second sign-in answered ${login.status}`);
  const other = await login.json();
  await page.reload();
  const sessions = page.getByTestId('sessions');
  await expectText(sessions, 'This session');
  await expectText(sessions.locator('li', { hasText: 'Another session' }), 'two-factor');
  await sessions.getByRole('button', { name: /^Sign out the session/ }).click();
  await expectText(page.getByRole('status'), 'Signed out.');
  await sessions.locator('li', { hasText: 'Another session' }).waitFor({ state: 'detached' });
  const refresh = await fetch(`${baseURL}/auth/refresh`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken: other.refreshToken }) });
  if (refresh.status !== 401) throw new Error(`the signed-out session's refresh answered ${refresh.status}`);
});

e2e('privacy: download my data', { shot: 'settings-privacy' }, async ({ page, expectText, downloaded }) => {
  // The step-up above is less than ten minutes old, so the export needs no new code.
  const file = await downloaded(() => page.getByRole('button', { name: 'Download my data' }).click());
  const data = JSON.parse(file.text);
  if (!/^glidepath-export-\d{4}-\d{2}-\d{2}\.json$/.test(file.name) || !file.text.includes(email) || typeof data !== 'object') throw new Error(`unexpected export ${file.name}`);
  await expectText(page.getByRole('status'), 'Downloaded.');
});

e2e('advisor access: only an advisor can be granted it', { shot: 'settings-grants', expect: [{ url: /advisor-grants$/, status: 404 }] }, async ({ page, expectText }) => {
  await page.getByLabel('Advisor’s e-mail address').fill('nobody@example.com');
  await page.getByRole('button', { name: 'Grant access' }).click();
  await expectText(page.getByRole('alert'), 'No advisor has this e-mail address');
  await expectText(page.locator('main'), 'No advisor can see this household');
});

e2e('the advisor page explains itself to a non-advisor', { shot: 'advisor-not-advisor' }, async ({ page, expectText }) => {
  await page.goto('/advisor');
  await expectText(page.locator('main'), 'This page is for advisors');
});

e2e('password reset page', { shot: 'reset-password' }, async ({ page }) => {
  await page.goto('/reset-password');
  await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
});
