// The sign-in form's checks as one small function: the page is the first a visitor loads, and zod
// with react-hook-form would add about 29 KiB to it (docs/web.md, "Bundle budget"). Same rules and
// messages as the sign-up page's zod schema where they overlap.

export interface SignInForm {
  email: string;
  password: string;
  /** Six digits from the authenticator app, only when the account has two-factor sign-in. */
  totpCode: string;
  /** Or one of the one-time recovery codes (ASP.NET Identity's are 11 characters, "XXXXX-XXXXX"). */
  recoveryCode: string;
}

export type SignInErrors = Partial<Record<keyof SignInForm, string>>;

// Something, an @, something with a dot: the server checks the rest.
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The messages for what is wrong with the form (empty when it may be sent); codes are trimmed first. */
export function checkSignIn(v: SignInForm): SignInErrors {
  const errors: SignInErrors = {};
  if (!email.test(v.email.trim())) errors.email = 'Enter an email address';
  if (v.password.length === 0) errors.password = 'Enter your password';
  if (!/^(\d{6})?$/.test(v.totpCode.trim())) errors.totpCode = 'Six digits';
  if (v.recoveryCode.trim().length > 64) errors.recoveryCode = 'Too long for a recovery code';
  return errors;
}
