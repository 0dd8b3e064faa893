import { draftFrom, toRequest, withCorrelation } from './assumptionsDraft';

const set = {
  version: 2,
  name: 'Committee 2026',
  asOf: '2026-06-30',
  sources: 'A published long-term outlook, 2026.',
  builtIn: false,
  createdUtc: '2026-07-01T00:00:00Z',
  classes: [
    { assetClass: 'UsEquity' as const, expectedReturn: 0.0712, volatility: 0.162 },
    { assetClass: 'Bonds' as const, expectedReturn: 0.043, volatility: 0.055 },
  ],
  correlations: [
    [1, 0.1],
    [0.1, 1],
  ],
};

describe('assumptions draft', () => {
  it('starts from the set in percent and keeps its sources', () => {
    const draft = draftFrom(set, '2026-12-07');
    expect(draft.classes[0]).toEqual({ assetClass: 'UsEquity', expectedReturn: '7.12', volatility: '16.2' });
    expect(draft.asOf).toBe('2026-12-07');
    expect(draft.sources).toBe(set.sources);
  });

  it('writes a correlation and its mirror, and never the diagonal', () => {
    const draft = withCorrelation(withCorrelation(draftFrom(set, '2026-12-07'), 0, 1, '-0.2'), 1, 1, '0.5');
    expect(draft.correlations).toEqual([
      ['1', '-0.2'],
      ['-0.2', '1'],
    ]);
  });

  it('sends fractions', () => {
    const result = toRequest({ ...draftFrom(set, '2026-12-07'), name: ' Next ' });
    expect(result).toEqual({
      request: {
        name: 'Next',
        asOf: '2026-12-07',
        sources: set.sources,
        classes: [
          { assetClass: 'UsEquity', expectedReturn: 0.0712, volatility: 0.162 },
          { assetClass: 'Bonds', expectedReturn: 0.043, volatility: 0.055 },
        ],
        correlations: set.correlations,
      },
    });
  });

  it('names the first thing to fix', () => {
    const draft = { ...draftFrom(set, '2026-12-07'), name: 'Next' };
    expect(toRequest({ ...draft, name: '' })).toEqual({ problem: 'Give the new version a name.' });
    expect(toRequest({ ...draft, classes: [{ ...draft.classes[0]!, volatility: '0' }, draft.classes[1]!] })).toEqual({
      problem: 'The volatility of UsEquity must be a number above 0.',
    });
    expect(toRequest(withCorrelation(draft, 0, 1, '1.5'))).toEqual({ problem: 'The correlation of UsEquity and Bonds must be between -1 and 1.' });
    expect(toRequest(withCorrelation(draft, 0, 1, ''))).toEqual({ problem: 'The correlation of UsEquity and Bonds must be between -1 and 1.' });
  });
});
