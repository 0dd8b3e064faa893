import { parseIsoDate } from './format';

export type RangePreset = '1Y' | '5Y' | '10Y' | '30Y';

const years: Record<RangePreset, number> = { '1Y': 1, '5Y': 5, '10Y': 10, '30Y': 30 };

/** The first day of a range that ends on `to` (inclusive): one year back from 2024-03-15 is 2023-03-16. */
export function rangeStart(to: string, preset: RangePreset): string {
  const d = parseIsoDate(to);
  const targetYear = d.getUTCFullYear() - years[preset];
  // 29 February minus a year is 28 February, not 1 March.
  const day = Math.min(d.getUTCDate(), new Date(Date.UTC(targetYear, d.getUTCMonth() + 1, 0)).getUTCDate());
  const start = new Date(Date.UTC(targetYear, d.getUTCMonth(), day));
  start.setUTCDate(start.getUTCDate() + 1);
  return start.toISOString().slice(0, 10);
}
