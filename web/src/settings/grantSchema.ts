import { z } from 'zod';

/** Granting access names the advisor by the e-mail address they sign in with. */
export const grantSchema = z.object({ advisorEmail: z.string().trim().pipe(z.email('Enter the advisor’s e-mail address')) });
export type GrantForm = z.infer<typeof grantSchema>;
