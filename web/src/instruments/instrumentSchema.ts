import { z } from 'zod';
import type { AssetClass, Instrument, InstrumentType } from '../api/types';
import { currencyCode } from '../household/householdSchema';

export const assetClasses = ['UsEquity', 'InternationalEquity', 'EmergingMarkets', 'Bonds', 'Tips', 'RealEstate', 'Commodities', 'Cash', 'Unclassified'] as const satisfies readonly AssetClass[];
export const instrumentTypes = ['Stock', 'Etf', 'MutualFund', 'Bond', 'Cash'] as const satisfies readonly InstrumentType[];

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
});
export type InstrumentForm = z.infer<typeof instrumentSchema>;

export const emptyInstrument: InstrumentForm = { symbol: '', name: '', type: 'Stock', assetClass: 'UsEquity', currency: 'USD', exchange: '', isin: '' };

export function toForm(i: Instrument): InstrumentForm {
  return { symbol: i.symbol, name: i.name, type: i.type, assetClass: i.assetClass, currency: i.currency, exchange: i.exchange, isin: i.isin ?? '' };
}

/** The request body; an empty ISIN is none. */
export function toRequest(v: InstrumentForm, householdId: string | null) {
  return { ...v, isin: v.isin || null, householdId };
}
