import type { AssetClass, Instrument, InstrumentType } from '../api/types';

// Kept apart from the zod schema (instrumentSchema.ts): the dashboard's unclassified notice needs
// only these, and importing the schema would load and evaluate zod on the dashboard's first paint.

export const assetClasses = ['UsEquity', 'InternationalEquity', 'EmergingMarkets', 'Bonds', 'Tips', 'RealEstate', 'Commodities', 'Cash', 'Unclassified'] as const satisfies readonly AssetClass[];
export const instrumentTypes = ['Stock', 'Etf', 'MutualFund', 'Bond', 'Cash'] as const satisfies readonly InstrumentType[];

export interface InstrumentForm {
  symbol: string;
  name: string;
  type: (typeof instrumentTypes)[number];
  assetClass: (typeof assetClasses)[number];
  currency: string;
  exchange: string;
  isin: string;
}

export const emptyInstrument: InstrumentForm = { symbol: '', name: '', type: 'Stock', assetClass: 'UsEquity', currency: 'USD', exchange: '', isin: '' };

export function toForm(i: Instrument): InstrumentForm {
  return { symbol: i.symbol, name: i.name, type: i.type, assetClass: i.assetClass, currency: i.currency, exchange: i.exchange, isin: i.isin ?? '' };
}

/** The request body; an empty ISIN is none. */
export function toRequest(v: InstrumentForm, householdId: string | null) {
  return { ...v, isin: v.isin || null, householdId };
}
