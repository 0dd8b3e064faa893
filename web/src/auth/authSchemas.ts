import { z } from 'zod';

export const signInSchema = z.object({
  email: z.email('Enter an email address'),
  password: z.string().min(1, 'Enter your password'),
  // Six digits from the authenticator app, only when the account has two-factor sign-in.
  totpCode: z.string().trim().regex(/^(\d{6})?$/, 'Six digits'),
  // Or one of the one-time recovery codes (ASP.NET Identity's are 11 characters, "XXXXX-XXXXX").
  recoveryCode: z.string().trim().max(64, 'Too long for a recovery code').optional(),
});
export type SignInForm = z.infer<typeof signInSchema>;

export const signUpSchema = z
  .object({
    email: z.email('Enter an email address'),
    password: z.string().min(12, 'At least 12 characters').max(256, 'At most 256 characters'),
    confirm: z.string(),
  })
  .refine((f) => f.password === f.confirm, { path: ['confirm'], message: 'The passwords differ' });
export type SignUpForm = z.infer<typeof signUpSchema>;
