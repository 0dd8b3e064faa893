import { returnDomain } from './charts';

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
