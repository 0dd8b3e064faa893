import { z } from 'zod';

export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 code, e.g. USD');

export const householdSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(200, 'At most 200 characters'),
  reportingCurrency: currencyCode,
});
export type HouseholdForm = z.infer<typeof householdSchema>;
