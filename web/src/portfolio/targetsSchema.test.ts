import { bandsSchema, defaultBands, percentToFraction, targetsFromModel } from './targetsSchema';

describe('bandsSchema', () => {
  it('accepts the 5/25 rule and refuses negative or absurd bands', () => {
    expect(bandsSchema.safeParse(defaultBands).success).toBe(true);
    expect(bandsSchema.safeParse({ absoluteBand: -1, relativeBand: 25 }).success).toBe(false);
    expect(bandsSchema.safeParse({ absoluteBand: 101, relativeBand: 25 }).success).toBe(false);
    const notANumber = bandsSchema.safeParse({ absoluteBand: Number.NaN, relativeBand: 25 });
    expect(notANumber.success).toBe(false);
  });
});

describe('targetsFromModel', () => {
  it('makes one household-wide class target per allocation with the bands as fractions', () => {
    const targets = targetsFromModel(
      [{ assetClass: 'UsEquity', weight: 0.6 }, { assetClass: 'Bonds', weight: 0.4 }],
      { absoluteBand: 5, relativeBand: 25 },
      { Bonds: 'bnd-id' },
    );
    expect(targets).toEqual([
      { accountId: null, instrumentId: null, assetClass: 'UsEquity', weight: 0.6, absoluteBand: 0.05, relativeBand: 0.25, buyInstrumentId: null },
      { accountId: null, instrumentId: null, assetClass: 'Bonds', weight: 0.4, absoluteBand: 0.05, relativeBand: 0.25, buyInstrumentId: 'bnd-id' },
    ]);
  });

  it('turns percentages into exact six-decimal fractions', () => {
    expect(percentToFraction(5)).toBe(0.05);
    expect(percentToFraction(2.5)).toBe(0.025);
    expect(percentToFraction(33.3333)).toBe(0.333333);
  });
});
