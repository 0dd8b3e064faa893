import { bandsSchema, defaultBands, modelTargetsRequest, percentToFraction } from './targetsSchema';

describe('bandsSchema', () => {
  it('accepts the 5/25 rule and refuses negative or absurd bands', () => {
    expect(bandsSchema.safeParse(defaultBands).success).toBe(true);
    expect(bandsSchema.safeParse({ absoluteBand: -1, relativeBand: 25 }).success).toBe(false);
    expect(bandsSchema.safeParse({ absoluteBand: 101, relativeBand: 25 }).success).toBe(false);
    const notANumber = bandsSchema.safeParse({ absoluteBand: Number.NaN, relativeBand: 25 });
    expect(notANumber.success).toBe(false);
  });
});

describe('modelTargetsRequest', () => {
  it('names the model, gives the bands as fractions and sends only the chosen instruments', () => {
    expect(modelTargetsRequest('model-id', { absoluteBand: 5, relativeBand: 25 }, { Bonds: 'bnd-id', UsEquity: undefined })).toEqual({
      modelPortfolioId: 'model-id',
      accountId: null,
      absoluteBand: 0.05,
      relativeBand: 0.25,
      buyInstrumentIds: { Bonds: 'bnd-id' },
    });
  });

  it('turns percentages into exact six-decimal fractions', () => {
    expect(percentToFraction(5)).toBe(0.05);
    expect(percentToFraction(2.5)).toBe(0.025);
    expect(percentToFraction(33.3333)).toBe(0.333333);
  });
});
