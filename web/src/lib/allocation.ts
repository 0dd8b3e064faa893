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

export interface AllocationRow {
  key: AllocationSlice['key'];
  value: number;
  share: number;
  /** The household-wide target weight of the class, or null when the class has none. */
  target: number | null;
  /** share − target (fractions), or null without a target. */
  difference: number | null;
}

/**
 * The donut's classes next to the household-wide class targets (rebalance targets with no account
 * and an asset class): every held class, then every targeted class not held (share 0). Targets of
 * one account or one instrument are not household shares and are left out.
 */
export function compareWithTargets(slices: AllocationSlice[], targets: { accountId?: string | null; assetClass?: AssetClass | null; weight: number }[]): AllocationRow[] {
  const weights = new Map<string, number>();
  for (const t of targets) {
    if (!t.accountId && t.assetClass) weights.set(t.assetClass, (weights.get(t.assetClass) ?? 0) + t.weight);
  }
  const rows: AllocationRow[] = slices.map((s) => {
    const target = weights.get(s.key) ?? null;
    return { ...s, target, difference: target === null ? null : s.share - target };
  });
  for (const [key, target] of weights) {
    if (!slices.some((s) => s.key === key)) rows.push({ key: key as AssetClass, value: 0, share: 0, target, difference: -target });
  }
  return rows;
}
