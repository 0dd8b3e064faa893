import { rangeStart } from './ranges';

describe('rangeStart', () => {
  it('goes back whole years and starts the day after', () => {
    expect(rangeStart('2024-03-15', '1Y')).toBe('2023-03-16');
    expect(rangeStart('2024-03-15', '10Y')).toBe('2014-03-16');
  });

  it('handles the end of February in a leap year', () => {
    expect(rangeStart('2024-02-29', '1Y')).toBe('2023-03-01');
    expect(rangeStart('2023-12-31', '1Y')).toBe('2023-01-01');
  });
});
