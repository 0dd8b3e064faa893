// zod/mini, not zod: the portfolio page loads this on its first paint (docs/web.md, "Loading fast on a phone").
import * as z from 'zod/mini';
import type { AssetClass, ModelTargetsRequest } from '../api/types';

/**
 * Bands for targets set from a model, entered in percentage points (5 = 5 points) and as a
 * percentage of the weight (25 = 25 %): the 5/25 rule by default (docs/rebalancing.md, "Band").
 */
export const bandsSchema = z.object({
  absoluteBand: z.number({ error: 'Enter a number.' }).check(z.gte(0, 'At least 0.'), z.lte(100, 'At most 100 points.')),
  relativeBand: z.number({ error: 'Enter a number.' }).check(z.gte(0, 'At least 0.'), z.lte(1000, 'At most 1000%.')),
});

export type BandsForm = z.infer<typeof bandsSchema>;

export const defaultBands: BandsForm = { absoluteBand: 5, relativeBand: 25 };

/** Percent to a fraction, kept to 6 decimals (what the server stores) so 5 becomes exactly 0.05. */
export function percentToFraction(percent: number): number {
  return Math.round(percent * 1e4) / 1e6;
}

/**
 * The body of `PUT …/rebalance-targets`: the server replaces the household-wide targets with one
 * per class of the model in one transaction; each class buys the instrument chosen for it (the
 * server falls back to the replaced target's choice, then the largest holding of the class).
 */
export function modelTargetsRequest(modelPortfolioId: string, bands: BandsForm, buys: Partial<Record<AssetClass, string>>): ModelTargetsRequest {
  const chosen = Object.fromEntries(Object.entries(buys).filter((e): e is [string, string] => Boolean(e[1])));
  return {
    modelPortfolioId,
    accountId: null,
    absoluteBand: percentToFraction(bands.absoluteBand),
    relativeBand: percentToFraction(bands.relativeBand),
    buyInstrumentIds: chosen,
  };
}
