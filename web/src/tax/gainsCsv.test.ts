import { gainsCsv, reportableGain } from './gainsCsv';
import { parseCsv } from '../lib/csv';
import type { RealisedGain } from '../api/types';

const sale = (over: Partial<RealisedGain>): RealisedGain => ({
  accountId: 'a1',
  instrumentId: 'i1',
  symbol: 'BND',
  saleTransactionId: 's1',
  lotId: 'l1',
  acquiredDate: '2024-01-04',
  soldDate: '2024-03-01',
  quantity: 10,
  proceeds: 700,
  costBasis: 720,
  gain: -20,
  term: 'ShortTerm',
  disallowedLoss: 0,
  holdingPeriodStart: null,
  code: null,
  taxable: true,
  ...over,
});

describe('gainsCsv', () => {
  it('carries the wash-sale columns: disallowed loss, code W and the reportable gain', () => {
    const csv = gainsCsv([sale({ disallowedLoss: 20, code: 'W' }), sale({ lotId: 'l2', symbol: 'VTI', gain: 49.5, term: 'LongTerm' })], (id) => (id === 'a1' ? 'Brokerage' : '?'));
    const [header, wash, plain] = parseCsv(csv);
    expect(header).toEqual(['Account', 'Symbol', 'Acquired', 'Sold', 'Quantity', 'Proceeds', 'CostBasis', 'Gain', 'Term', 'DisallowedLoss', 'Code', 'ReportableGain']);
    expect(wash).toEqual(['Brokerage', 'BND', '2024-01-04', '2024-03-01', '10', '700', '720', '-20', 'Short', '20', 'W', '0']);
    expect(plain).toEqual(['Brokerage', 'VTI', '2024-01-04', '2024-03-01', '10', '700', '720', '49.5', 'Long', '0', '', '49.5']);
  });

  it('adds a partly disallowed loss back in cents, without binary-float dust', () => {
    expect(reportableGain({ gain: -30.1, disallowedLoss: 10.2 })).toBe(-19.9);
  });
});
