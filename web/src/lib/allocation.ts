import type { AssetClass, Instrument, Positions } from '../api/types';

export interface AllocationSlice {
  key: AssetClass | 'Cash' | 'Unpriced';
  value: number;
  share: number;
}

export interface Allocation {
  currency: string;
  slices: AllocationSlice[];
  total: number;
  /** Positions left out: held in another currency, or without a price to value them. */
  excluded: { symbol: string; reason: 'other-currency' | 'no-price' }[];
}

/**
 * Market value by asset class in one currency, for the donut. Positions in another currency
 * are listed as excluded rather than converted here (conversion is the server's job); cash
 * counts as the Cash class. Values are the API's rounded amounts, summed only for display.
 */
export function allocationByAssetClass(positions: Positions, instruments: Instrument[], currency: string): Allocation {
  const classOf = new Map(instruments.map((i) => [i.id, i.assetClass]));
  const sums = new Map<AllocationSlice['key'], number>();
  const excluded: Allocation['excluded'] = [];
  for (const p of positions.positions) {
    if (p.currency !== currency) {
      excluded.push({ symbol: p.symbol, reason: 'other-currency' });
      continue;
    }
    if (p.marketValue === null || p.marketValue === undefined) {
      excluded.push({ symbol: p.symbol, reason: 'no-price' });
      continue;
    }
    const key = classOf.get(p.instrumentId) ?? 'Unpriced';
    sums.set(key, (sums.get(key) ?? 0) + p.marketValue);
  }
  for (const c of positions.cash) {
    if (c.currency === currency) sums.set('Cash', (sums.get('Cash') ?? 0) + c.amount);
  }
  // Negative cash (a margin or card balance) is not a slice of a donut.
  const entries = [...sums.entries()].filter(([, v]) => v > 0);
  const total = entries.reduce((s, [, v]) => s + v, 0);
  const slices = entries
    .map(([key, value]) => ({ key, value, share: total > 0 ? value / total : 0 }))
    .sort((a, b) => b.value - a.value);
  return { currency, slices, total, excluded };
}
