import { describe, expect, it } from 'vitest';
import { instrumentSchema, toRequest } from './instrumentSchema';

const valid = { symbol: ' vti ', name: 'Total market', type: 'Etf', assetClass: 'UsEquity', currency: 'usd', exchange: 'nyse', isin: '' };

describe('instrumentSchema', () => {
  it('normalises symbol, currency and exchange to upper case', () => {
    const v = instrumentSchema.parse(valid);
    expect([v.symbol, v.currency, v.exchange]).toEqual(['VTI', 'USD', 'NYSE']);
  });

  it('accepts an empty or a well-formed ISIN and refuses others', () => {
    expect(instrumentSchema.safeParse({ ...valid, isin: 'us9229087690' }).success).toBe(true);
    expect(instrumentSchema.safeParse({ ...valid, isin: 'US92290876' }).success).toBe(false);
  });

  it('requires a symbol', () => {
    expect(instrumentSchema.safeParse({ ...valid, symbol: '  ' }).success).toBe(false);
  });

  it('sends an empty ISIN as none', () => {
    expect(toRequest(instrumentSchema.parse(valid), 'h1')).toMatchObject({ isin: null, householdId: 'h1' });
  });
});
