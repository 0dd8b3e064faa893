/** Colours with at least 3:1 contrast on white, for chart marks. */
export const palette = ['#1d5fbf', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0f766e', '#a16207', '#475569', '#be185d'];

/**
 * The y-axis range of a return chart: the data's own range, padded by a tenth, and never narrower
 * than `minSpan` (a fraction; 0.01 = one percentage point) around it. Recharts' default starts at 0
 * and picks "nice" ticks, so a flat line at 0 got an axis from 0 to 400 %.
 */
export function returnDomain(values: number[], minSpan = 0.01): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [-minSpan / 2, minSpan / 2];
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  const pad = (hi - lo) / 10;
  lo -= pad;
  hi += pad;
  if (hi - lo < minSpan) {
    const mid = (hi + lo) / 2;
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
  }
  return [lo, hi];
}
