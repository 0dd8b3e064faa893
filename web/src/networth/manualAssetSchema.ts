import { z } from 'zod';

export const kinds = ['Asset', 'Liability'] as const;
export const categories = ['RealEstate', 'Vehicle', 'Valuables', 'Mortgage', 'Loan', 'Other'] as const;

/** Which categories fit a kind (the server refuses the others): a mortgage or loan is owed, "other" is either. */
export const categoriesOf = (kind: (typeof kinds)[number]): readonly (typeof categories)[number][] =>
  kind === 'Asset' ? ['RealEstate', 'Vehicle', 'Valuables', 'Other'] : ['Mortgage', 'Loan', 'Other'];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date (yyyy-mm-dd).');
const amount = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/, 'Enter a positive number, e.g. 250000 (for a liability: the balance owed).');

export const manualAssetSchema = z
  .object({
    name: z.string().trim().min(1, 'A name is required.').max(200, 'At most 200 characters.'),
    kind: z.enum(kinds),
    category: z.enum(categories),
    currency: z.string().trim().regex(/^[A-Za-z]{3}$/, 'A three-letter currency code, e.g. USD.'),
    amount,
    date: isoDate,
  })
  .refine((v) => categoriesOf(v.kind).includes(v.category), { path: ['category'], message: 'This category does not fit the kind.' });

export type ManualAssetForm = z.infer<typeof manualAssetSchema>;

export const valueSchema = z.object({ date: isoDate, amount });

export type ValueForm = z.infer<typeof valueSchema>;
