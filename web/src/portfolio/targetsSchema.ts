import { z } from 'zod';
import type { AssetClass, RebalanceTargetRequest, TargetAllocation } from '../api/types';

/**
 * Bands for targets set from a model, entered in percentage points (5 = 5 points) and as a
 * percentage of the weight (25 = 25 %): the 5/25 rule by default (docs/rebalancing.md, "Band").
 */
export const bandsSchema = z.object({
  absoluteBand: z.number({ error: 'Enter a number.' }).min(0, 'At least 0.').max(100, 'At most 100 points.'),
  relativeBand: z.number({ error: 'Enter a number.' }).min(0, 'At least 0.').max(1000, 'At most 1000%.'),
});

export type BandsForm = z.infer<typeof bandsSchema>;

export const defaultBands: BandsForm = { absoluteBand: 5, relativeBand: 25 };

/** Percent to a fraction, kept to 6 decimals (what the server stores) so 5 becomes exactly 0.05. */
export function percentToFraction(percent: number): number {
  return Math.round(percent * 1e4) / 1e6;
}

/**
 * One household-wide target per class of the model (the existing POST takes one at a time), each
 * buying the instrument chosen for its class, or none (the preview then says it cannot buy).
 */
export function targetsFromModel(allocations: TargetAllocation[], bands: BandsForm, buys: Partial<Record<AssetClass, string>>): RebalanceTargetRequest[] {
  return allocations.map((a) => ({
    accountId: null,
    instrumentId: null,
    assetClass: a.assetClass,
    weight: a.weight,
    absoluteBand: percentToFraction(bands.absoluteBand),
    relativeBand: percentToFraction(bands.relativeBand),
    buyInstrumentId: buys[a.assetClass] ?? null,
  }));
}
