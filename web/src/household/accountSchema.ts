import { z } from 'zod';
import type { AccountType, LotReliefMethod } from '../api/types';
import { currencyCode } from './householdSchema';

export const accountTypes = ['TaxableBrokerage', 'TraditionalIra', 'RothIra', 'Plan401K', 'Hsa', 'Plan529', 'Checking', 'Savings', 'CreditCard', 'Loan'] as const satisfies readonly AccountType[];
export const reliefMethods = ['Fifo', 'Lifo', 'Hifo', 'SpecificIdentification', 'AverageCost'] as const satisfies readonly LotReliefMethod[];

export const accountSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(200, 'At most 200 characters'),
  type: z.enum(accountTypes),
  baseCurrency: currencyCode,
  institution: z.string().trim().max(200, 'At most 200 characters'),
  // Only the last four digits are ever shown back; the server encrypts the rest.
  number: z
    .string()
    .trim()
    .max(34, 'At most 34 characters')
    .regex(/^[A-Za-z0-9 -]*$/, 'Letters, digits, spaces and dashes only'),
  reliefMethod: z.enum(reliefMethods),
  // Rebalancing trades whole units only (some brokers and most funds in IRAs); default fractional.
  wholeSharesOnly: z.boolean(),
});
export type AccountForm = z.infer<typeof accountSchema>;

/** The fields an existing account can change; type and currency shape its history and stay. */
export const accountEditSchema = z.object({
  name: accountSchema.shape.name,
  institution: accountSchema.shape.institution,
  reliefMethod: z.enum(reliefMethods),
  wholeSharesOnly: z.boolean(),
  notes: z.string().max(4000, 'At most 4,000 characters'),
  // Percent in the form, a share from 0 to 1 on the wire (the server refuses anything outside).
  withholdingPercent: z.number({ message: 'A percentage from 0 to 100' }).min(0, 'A percentage from 0 to 100').max(100, 'A percentage from 0 to 100'),
});
export type AccountEditForm = z.infer<typeof accountEditSchema>;

/** The form's percent as the API's rate (0.15 for 15%), without binary noise such as 0.15000000000000002. */
export const withholdingRate = (percent: number) => Number((percent / 100).toFixed(6));

/** The API's rate as the form's percent. */
export const withholdingPercent = (rate: number | null | undefined) => Number(((rate ?? 0) * 100).toFixed(4));
