import { niceTicks, returnDomain } from './charts';

describe('returnDomain', () => {
  it('keeps a flat line at 0 on a one-point axis, not 0 to 400 %', () => {
    expect(returnDomain([0, 0, 0])).toEqual([-0.005, 0.005]);
  });

  it('spans the data with a tenth of padding', () => {
    const [lo, hi] = returnDomain([-0.1, 0.3]);
    expect(lo).toBeCloseTo(-0.14, 12);
    expect(hi).toBeCloseTo(0.34, 12);
  });
});

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten and covers the range', () => {
    expect(niceTicks(0, 0.173)).toEqual([0, 0.05, 0.1, 0.15, 0.2]);
    expect(niceTicks(0.021, 0.094)).toEqual([0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1]);
    expect(niceTicks(-3, 7, 5)).toEqual([-4, -2, 0, 2, 4, 6, 8]);
  });

  it('rounds multiples of the step (no 0.30000000000000004)', () => {
    expect(niceTicks(0, 0.5, 5)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
  });

  it('widens a single value into a range around it', () => {
    const ticks = niceTicks(0.05, 0.05);
    expect(ticks[0]).toBeLessThanOrEqual(0.045);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(0.055);
  });
});
