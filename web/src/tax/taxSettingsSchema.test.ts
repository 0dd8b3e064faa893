import { describe, expect, it } from 'vitest';
import { fromProfile, taxSettingsSchema, toProfile, type TaxProfile } from './taxSettingsSchema';

const read: TaxProfile = { shortTermRate: 0, longTermRate: 0, minTradeAmount: 50, cashBuffer: 100, costPerTrade: 0, harvestMinLoss: 0, harvestMinLossFraction: 0, swapBackLargeGain: 0, version: 3 };

describe('tax settings form', () => {
  it('sends rates as fractions and keeps the rebalancing fields and version', () => {
    const profile = toProfile({ shortTermRate: '35', longTermRate: '15', harvestMinLoss: '100', harvestMinLossFraction: '5', costPerTrade: '1.5' }, read);
    expect(profile).toEqual({ ...read, shortTermRate: 0.35, longTermRate: 0.15, harvestMinLoss: 100, harvestMinLossFraction: 0.05, costPerTrade: 1.5 });
    expect(fromProfile(profile)).toEqual({ shortTermRate: '35', longTermRate: '15', harvestMinLoss: '100', harvestMinLossFraction: '5', costPerTrade: '1.5' });
  });

  it('refuses rates of 100% or more and negative amounts', () => {
    const result = taxSettingsSchema.safeParse({ shortTermRate: '100', longTermRate: 'x', harvestMinLoss: '-1', harvestMinLossFraction: '0', costPerTrade: '0' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(['shortTermRate', 'longTermRate', 'harvestMinLoss']);
  });
});
