import { allocationByAssetClass, compareWithTargets } from './allocation';
import type { Instrument, Positions } from '../api/types';

const instrument = (id: string, symbol: string, assetClass: Instrument['assetClass']): Instrument => ({
  id, symbol, name: symbol, type: 'Stock', assetClass, currency: 'USD', exchange: '', isin: null,
});

const position = (instrumentId: string, symbol: string, marketValue: number | null, currency = 'USD'): Positions['positions'][number] => ({
  accountId: 'a', accountName: 'A', instrumentId, symbol, quantity: 1, costBasis: 1, currency, price: marketValue, priceDate: marketValue === null ? null : '2024-01-31', stale: false, marketValue, unrealisedGain: null,
});

describe('allocationByAssetClass', () => {
  const instruments = [instrument('1', 'VTI', 'UsEquity'), instrument('2', 'BND', 'Bonds'), instrument('3', 'SPY', 'UsEquity'), instrument('4', 'EWJ', 'InternationalEquity')];

  it('sums market value per class and adds cash', () => {
    const positions: Positions = {
      asOf: '2024-01-31',
      pricesAsOf: '2024-01-31',
      stale: false,
      positions: [position('1', 'VTI', 600), position('3', 'SPY', 150), position('2', 'BND', 200)],
      cash: [{ accountId: 'a', accountName: 'A', currency: 'USD', amount: 50 }],
    };
    const a = allocationByAssetClass(positions, instruments, 'USD');
    expect(a.total).toBe(1000);
    expect(a.slices.map((s) => [s.key, s.value, s.share])).toEqual([
      ['UsEquity', 750, 0.75],
      ['Bonds', 200, 0.2],
      ['Cash', 50, 0.05],
    ]);
    expect(a.excluded).toEqual([]);
  });

  it('leaves out other currencies and unpriced positions, and says so', () => {
    const positions: Positions = {
      asOf: '2024-01-31',
      pricesAsOf: '2024-01-31',
      stale: false,
      positions: [position('1', 'VTI', 100), position('4', 'EWJ', 100, 'JPY'), position('2', 'BND', null)],
      cash: [{ accountId: 'a', accountName: 'A', currency: 'USD', amount: -20 }],
    };
    const a = allocationByAssetClass(positions, instruments, 'USD');
    expect(a.slices).toEqual([{ key: 'UsEquity', value: 100, share: 1 }]);
    expect(a.excluded).toEqual([
      { symbol: 'EWJ', reason: 'other-currency' },
      { symbol: 'BND', reason: 'no-price' },
    ]);
  });
});

describe('compareWithTargets', () => {
  const slices = [
    { key: 'UsEquity' as const, value: 7000, share: 0.7 },
    { key: 'Cash' as const, value: 3000, share: 0.3 },
  ];

  it('puts each held class next to its household-wide target, and targeted classes not held at 0', () => {
    const rows = compareWithTargets(slices, [
      { accountId: null, assetClass: 'UsEquity', weight: 0.6 },
      { accountId: null, assetClass: 'Bonds', weight: 0.4 },
    ]);
    expect(rows.map((r) => [r.key, r.share, r.target, r.difference === null ? null : Number(r.difference.toFixed(10))])).toEqual([
      ['UsEquity', 0.7, 0.6, 0.1],
      ['Cash', 0.3, null, null],
      ['Bonds', 0, 0.4, -0.4],
    ]);
  });

  it('leaves out targets of one account or one instrument', () => {
    const rows = compareWithTargets(slices, [
      { accountId: 'ira', assetClass: 'Bonds', weight: 0.5 },
      { accountId: null, assetClass: null, weight: 0.2 },
    ]);
    expect(rows.every((r) => r.target === null)).toBe(true);
    expect(rows).toHaveLength(2);
  });
});
