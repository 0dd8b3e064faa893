import { z } from 'zod';
import { currencyCode } from '../household/householdSchema';
import { assetClasses, instrumentTypes, type InstrumentForm } from './instrumentForm';

export { assetClasses, emptyInstrument, instrumentTypes, toForm, toRequest, type InstrumentForm } from './instrumentForm';

export const instrumentSchema = z.object({
  symbol: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, 'A symbol is required')
    .max(32, 'At most 32 characters'),
  name: z.string().trim().max(200, 'At most 200 characters'),
  type: z.enum(instrumentTypes),
  assetClass: z.enum(assetClasses),
  currency: currencyCode,
  exchange: z.string().trim().toUpperCase().max(32, 'At most 32 characters'),
  isin: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2}[A-Z0-9]{9}[0-9])?$/, 'An ISIN is 12 characters: country, 9 letters or digits, a check digit'),
}) satisfies z.ZodType<InstrumentForm, InstrumentForm>;
