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

/**
 * Axis ticks at "nice" steps (1, 2 or 5 times a power of ten) covering [lo, hi], about `count` of them;
 * the first tick is at or below `lo` and the last at or above `hi`, so they are also the axis' ends.
 */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) / 10;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * magnitude;
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  // Multiples of the step rounded to the step's own precision: 3 * 0.1 is 0.30000000000000004.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toFixed(digits)));
  return ticks;
}
