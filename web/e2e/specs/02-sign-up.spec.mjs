// Sign-up through the form: the user every later spec is signed in as.
import { e2e, email, password } from '../kit.mjs';

e2e('sign up', {}, async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Password again').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Households', exact: true }).waitFor();
  // Registration gives the new user a household of their own.
  await page.getByRole('link', { name: 'My household' }).waitFor();
});
