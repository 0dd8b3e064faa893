import { describe as group, expect, it } from 'vitest';
import type { CorporateActionProposal } from '../api/types';
import { confirmAllQuestion, confirmLabel, describe, netOf } from './corporateActions';

// What the server proposes for 10 AAPL bought before the real 4:1 split of 2020-08-31, in an account withholding 15%:
// 10 × 4 × 0.205 = 8.20 gross, 1.23 withheld, 6.97 net (CorporateActionEndpointsTest).
const base = { accountId: 'a', instrumentId: 'i', symbol: 'AAPL', currency: 'USD', source: 'yahoo' };
const split: CorporateActionProposal = {
  ...base, id: 'ca:split:a:i:20200831', kind: 'split', date: '2020-08-31', perShare: 0, quantity: 10, amount: 0, withholding: 0, splitNumerator: 4, splitDenominator: 1,
};
const dividend: CorporateActionProposal = {
  ...base, id: 'ca:dividend:a:i:20201106', kind: 'dividend', date: '2020-11-06', perShare: 0.205, quantity: 40, amount: 8.2, withholding: 1.23, net: 6.97, splitNumerator: 0, splitDenominator: 0,
};

group('corporate-action proposals', () => {
  it('describes a split by its ratio and the units it applies to', () => {
    expect(describe(split, 'en-US')).toBe('Split 4-for-1 on 10 held');
  });

  it('describes a dividend as gross, withheld and net', () => {
    expect(describe(dividend, 'en-US')).toBe('Dividend 0.205 × 40 = $8.20, $1.23 withheld, $6.97 net');
    expect(describe({ ...dividend, withholding: 0, net: 8.2 }, 'en-US')).toBe('Dividend 0.205 × 40 = $8.20');
  });

  it('takes net from gross less withholding when the server leaves it out', () => {
    expect(netOf({ ...dividend, net: undefined })).toBeCloseTo(6.97, 10);
  });

  it('names each confirm button by event, instrument, date and account', () => {
    expect(confirmLabel(dividend, 'Dividends', 'en-US')).toBe('Confirm the AAPL dividend of Nov 6, 2020 in Dividends');
  });

  it('asks before confirming all, with the counts and the net cash per currency', () => {
    expect(confirmAllQuestion([split, dividend], 'en-US')).toBe('Book 1 split and 1 dividend ($6.97 net cash)?');
    expect(confirmAllQuestion([dividend, { ...dividend, id: 'x', amount: 0.1, withholding: 0.03, net: 0.07 }], 'en-US')).toBe('Book 2 dividends ($7.04 net cash)?');
    expect(confirmAllQuestion([split], 'en-US')).toBe('Book 1 split?');
  });
});
