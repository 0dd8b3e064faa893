import { describeXirr, formatPoints, formatSignedPercent } from './percent';

describe('formatSignedPercent', () => {
  it('shows the sign of returns and drift', () => {
    expect(formatSignedPercent(0.0952, 'en-US')).toBe('+9.5%');
    expect(formatSignedPercent(-0.02, 'en-US')).toBe('-2.0%');
    expect(formatSignedPercent(0, 'en-US')).toBe('0.0%');
    expect(formatSignedPercent(0.12345, 'de-DE', 2)).toBe('+12,35\u00a0%');
  });

  it('shows a dash for a missing value', () => {
    expect(formatSignedPercent(null, 'en-US')).toBe('—');
    expect(formatSignedPercent(Number.NaN, 'en-US')).toBe('—');
  });
});

describe('formatPoints', () => {
  it('writes a weight difference in percentage points', () => {
    expect(formatPoints(0.095238, 'en-US')).toBe('+9.5 pts');
    expect(formatPoints(-0.05, 'en-US')).toBe('-5.0 pts');
    expect(formatPoints(undefined, 'en-US')).toBe('—');
  });
});

describe('describeXirr', () => {
  it('explains every status without a rate', () => {
    expect(describeXirr('Solved')).toBeNull();
    for (const s of ['NoSignChange', 'NoRoot', 'MultipleRoots'] as const) expect(describeXirr(s)).toMatch(/rate/);
  });
});
