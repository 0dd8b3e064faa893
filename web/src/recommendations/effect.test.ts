import { describe, expect, it } from 'vitest';
import { describeEffect } from './effect';

describe('describeEffect', () => {
  it('gives the success change in points for the plan levers', () => {
    expect(describeEffect({ kind: 'save-more', effect: { amount: 250, successProbabilityChange: 0.1234 } }, 'USD', 'en-US')).toBe('success +12.3 pts');
  });

  it('gives tax and fees saved a year, harvesting once', () => {
    expect(describeEffect({ kind: 'asset-location', effect: { amount: 8000, taxSaved: 84.4 } }, 'USD', 'en-US')).toBe('about $84.40 of tax saved a year');
    expect(describeEffect({ kind: 'harvest', effect: { taxSaved: 300 } }, 'USD', 'en-US')).toBe('about $300.00 of tax saved');
    expect(describeEffect({ kind: 'fee-drag', effect: { feesSaved: 75 } }, 'USD', 'en-US')).toBe('about $75.00 of fees saved a year');
  });

  it('falls back to the money to move, and to nothing', () => {
    expect(describeEffect({ kind: 'cash-drag', effect: { amount: 1000 } }, 'USD', 'en-US')).toBe('$1,000.00 to move');
    expect(describeEffect({ kind: 'emergency-fund', effect: { amount: 125 } }, 'USD', 'en-US')).toBe('$125.00 to set aside');
    expect(describeEffect({ kind: 'rebalance', effect: {} }, 'USD', 'en-US')).toBeNull();
  });
});
