import { describe, expect, it } from 'vitest';
import { assetClassLabel, chartRows, describeRule } from './describe';

describe('strategies', () => {
  it('states each rule as the docs do', () => {
    expect(describeRule('Monthly')).toContain('each month');
    expect(describeRule('Quarterly')).toContain('each quarter');
    expect(describeRule('Annually')).toContain('each year');
    expect(describeRule('BuyAndHold')).toContain('buy and hold');
  });

  it('names asset classes for people and keeps unknown ones', () => {
    expect(assetClassLabel('UsEquity')).toBe('US equity');
    expect(assetClassLabel('Unclassified')).toBe('Unclassified');
  });

  it('charts growth from 0 and drawdowns below 0 (the worked example of docs/strategies.md)', () => {
    const rows = chartRows([
      { date: '2024-01-30', value: 1, drawdown: 0 },
      { date: '2024-01-31', value: 1.06, drawdown: 0 },
      { date: '2024-02-01', value: 1.034, drawdown: 0.026 / 1.06 },
    ]);
    expect(rows[0]).toEqual({ date: '2024-01-30', growth: 0, drawdown: -0 });
    expect(rows[1]?.growth).toBeCloseTo(0.06, 12);
    expect(rows[2]?.drawdown).toBeCloseTo(-0.0245283, 6);
  });
});
