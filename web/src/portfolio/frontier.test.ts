import { sharesFromAllocation, sharesFromModel, toFrontierInput } from './frontier';
import type { ProxyColumn } from '../api/types';

const proxies: ProxyColumn[] = [
  { asset: 'UsEquity_DJIA', assetClass: 'UsEquity' },
  { asset: 'Bonds_SBI', assetClass: 'Bonds' },
  { asset: 'Commodities_Gold', assetClass: 'Commodities' },
];

describe('toFrontierInput', () => {
  it('maps each class to its proxy and leaves cash as the risk-free remainder', () => {
    const input = toFrontierInput('Current', [
      { key: 'UsEquity', share: 0.25 },
      { key: 'Bonds', share: 0.15 },
      { key: 'Cash', share: 0.6 },
    ], proxies);
    expect(input?.portfolio).toEqual({ name: 'Current', weights: { UsEquity_DJIA: 0.25, Bonds_SBI: 0.15 } });
    expect(input?.cash).toBeCloseTo(0.6, 12);
    expect(input?.uncovered).toEqual([]);
  });

  it('leaves out classes without a proxy and scales the rest to fill', () => {
    const input = toFrontierInput('Current', [
      { key: 'UsEquity', share: 0.6 },
      { key: 'EmergingMarkets', share: 0.2 },
      { key: 'Bonds', share: 0.2 },
    ], proxies)!;
    expect(input.uncovered).toEqual([{ key: 'EmergingMarkets', share: 0.2 }]);
    expect(input.portfolio.weights.UsEquity_DJIA).toBeCloseTo(0.75, 12);
    expect(input.portfolio.weights.Bonds_SBI).toBeCloseTo(0.25, 12);
  });

  it('never sends weights summing above one', () => {
    const input = toFrontierInput('Model', sharesFromModel([
      { assetClass: 'UsEquity', weight: 0.1 },
      { assetClass: 'Bonds', weight: 0.2 },
      { assetClass: 'Commodities', weight: 0.7 },
    ]), proxies)!;
    const sum = Object.values(input.portfolio.weights).reduce((a, b) => a + b, 0);
    expect(sum).toBeLessThanOrEqual(1);
    expect(sum).toBeCloseTo(1, 12);
  });

  it('gives no point when nothing is held or nothing is covered', () => {
    expect(toFrontierInput('Current', [], proxies)).toBeNull();
    expect(toFrontierInput('Current', [{ key: 'Tips', share: 1 }], proxies)).toBeNull();
    expect(toFrontierInput('Current', [{ key: 'Unpriced', share: 1 }], proxies)).toBeNull();
  });

  it('reads the allocation slices the dashboard draws', () => {
    const shares = sharesFromAllocation({ currency: 'USD', total: 100, excluded: [], slices: [{ key: 'UsEquity', value: 40, share: 0.4 }, { key: 'Cash', value: 60, share: 0.6 }] });
    expect(shares).toEqual([{ key: 'UsEquity', share: 0.4 }, { key: 'Cash', share: 0.6 }]);
  });
});
