// zod/mini, not zod: these are the only schemas the sign-in and sign-up pages load, and the mini
// build is a tenth of the size (docs/web.md, "Bundle budget"). Same rules, functional syntax.
import * as z from 'zod/mini';

export const signInSchema = z.object({
  email: z.email('Enter an email address'),
  password: z.string().check(z.minLength(1, 'Enter your password')),
  // Six digits from the authenticator app, only when the account has two-factor sign-in.
  totpCode: z.string().check(z.trim(), z.regex(/^(\d{6})?$/, 'Six digits')),
  // Or one of the one-time recovery codes (ASP.NET Identity's are 11 characters, "XXXXX-XXXXX").
  recoveryCode: z.optional(z.string().check(z.trim(), z.maxLength(64, 'Too long for a recovery code'))),
});
export type SignInForm = z.infer<typeof signInSchema>;

export const signUpSchema = z
  .object({
    email: z.email('Enter an email address'),
    password: z.string().check(z.minLength(12, 'At least 12 characters'), z.maxLength(256, 'At most 256 characters')),
    confirm: z.string(),
  })
  .check(z.refine((f) => f.password === f.confirm, { path: ['confirm'], message: 'The passwords differ' }));
export type SignUpForm = z.infer<typeof signUpSchema>;
