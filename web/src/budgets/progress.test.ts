import { byTopLevel, isMonth, lastTwelveMonths, progressBar } from './queries';

describe('budget helpers', () => {
  it('caps the bar at 100 % and marks an overspent month', () => {
    const within = progressBar({ progress: 0.8545, remaining: 80, spent: 470 });
    expect(within.width).toBeCloseTo(85.45, 10);
    expect(within.over).toBe(false);
    expect(progressBar({ progress: 1.3, remaining: -30, spent: 130 })).toEqual({ width: 100, over: true });
    expect(progressBar({ progress: null, remaining: -10, spent: 10 })).toEqual({ width: 100, over: true });
    expect(progressBar({ progress: null, remaining: 0, spent: 0 })).toEqual({ width: 0, over: false });
  });

  it('starts the default range eleven months back on the first of the month', () => {
    expect(lastTwelveMonths('2024-03-15')).toEqual({ from: '2023-04-01', to: '2024-03-15' });
    expect(lastTwelveMonths('2024-12-31')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(lastTwelveMonths('2025-01-02')).toEqual({ from: '2024-02-01', to: '2025-01-02' });
  });

  it('reads a month as yyyy-MM', () => {
    expect(isMonth('2024-02')).toBe(true);
    expect(isMonth('2024-13')).toBe(false);
    expect(isMonth('24-02')).toBe(false);
  });
});

describe('byTopLevel', () => {
  it('sums the categories of each top-level category, largest first', () => {
    expect(
      byTopLevel([
        { topLevel: 'Transport', amount: 210 },
        { topLevel: 'Food', amount: 650.1 },
        { topLevel: 'Food', amount: 49.9 },
        { topLevel: 'Shopping', amount: 210 },
      ]),
    ).toEqual([
      { name: 'Food', amount: 700 },
      { name: 'Shopping', amount: 210 },
      { name: 'Transport', amount: 210 },
    ]);
  });
});
