// zod/mini, not zod: the only schema the sign-up page loads, and the mini build is a tenth of the
// size (docs/web.md, "Bundle budget"). Same rules, functional syntax. The sign-in page uses no zod
// at all (signInCheck.ts).
import * as z from 'zod/mini';

export const signUpSchema = z
  .object({
    email: z.email('Enter an email address'),
    password: z.string().check(z.minLength(12, 'At least 12 characters'), z.maxLength(256, 'At most 256 characters')),
    confirm: z.string(),
  })
  .check(z.refine((f) => f.password === f.confirm, { path: ['confirm'], message: 'The passwords differ' }));
export type SignUpForm = z.infer<typeof signUpSchema>;
