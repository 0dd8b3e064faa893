import { describe, expect, it } from 'vitest';
import { draftOf, toUpdate, type StrategyDraft } from './editStrategy';
import type { Strategy } from './queries';

const strategy = {
  id: 's1',
  name: 'Steady',
  description: 'Sixty forty.',
  allocations: [
    { assetClass: 'UsEquity', weight: 0.6 },
    { assetClass: 'Bonds', weight: 0.4 },
    { assetClass: 'Cash', weight: 0 },
  ],
  rebalancing: 'Monthly',
  proxies: [
    { assetClass: 'UsEquity', instrumentId: 'eq', symbol: 'EQ', name: 'Equity' },
    { assetClass: 'Bonds', instrumentId: 'bd', symbol: 'BD', name: 'Bonds' },
  ],
} as unknown as Strategy;

describe('draftOf', () => {
  it('starts from the published weights in percent with their proxies, leaving out zero weights', () => {
    expect(draftOf(strategy)).toEqual({
      name: 'Steady',
      description: 'Sixty forty.',
      rebalancing: 'Monthly',
      rows: [
        { assetClass: 'UsEquity', percent: '60', proxyId: 'eq' },
        { assetClass: 'Bonds', percent: '40', proxyId: 'bd' },
      ],
    });
  });
});

describe('toUpdate', () => {
  const draft = (change: Partial<StrategyDraft>): StrategyDraft => ({ ...draftOf(strategy), ...change });

  it('sends weights as fractions of one and a proxy per class but cash', () => {
    const result = toUpdate(
      draft({
        name: ' Calmer ',
        rebalancing: 'Quarterly',
        rows: [
          { assetClass: 'UsEquity', percent: '45', proxyId: 'eq2' },
          { assetClass: 'Bonds', percent: '45', proxyId: 'bd' },
          { assetClass: 'Cash', percent: '10', proxyId: '' },
        ],
      }),
    );
    expect(result).toEqual({
      body: {
        name: 'Calmer',
        description: 'Sixty forty.',
        rebalancing: 'Quarterly',
        allocations: [
          { assetClass: 'UsEquity', weight: 0.45 },
          { assetClass: 'Bonds', weight: 0.45 },
          { assetClass: 'Cash', weight: 0.1 },
        ],
        proxies: { UsEquity: 'eq2', Bonds: 'bd' },
      },
    });
  });

  it('refuses weights that do not add up to 100, a missing proxy, a duplicate class, a blank name', () => {
    expect(toUpdate(draft({ rows: [{ assetClass: 'UsEquity', percent: '60', proxyId: 'eq' }] }))).toEqual({ error: 'The weights add up to 60 %, not 100 %.' });
    expect(toUpdate(draft({ rows: [{ assetClass: 'Bonds', percent: '100', proxyId: '' }] }))).toHaveProperty('error', 'Choose the instrument that prices each asset class (all but cash).');
    expect(
      toUpdate(
        draft({
          rows: [
            { assetClass: 'Bonds', percent: '50', proxyId: 'bd' },
            { assetClass: 'Bonds', percent: '50', proxyId: 'bd' },
          ],
        }),
      ),
    ).toEqual({ error: 'Bonds appears twice.' });
    expect(toUpdate(draft({ rows: [{ assetClass: 'Bonds', percent: 'x', proxyId: 'bd' }] }))).toEqual({ error: 'Each weight is a percentage above 0 and at most 100.' });
    expect(toUpdate(draft({ name: '  ' }))).toEqual({ error: 'Give the strategy a name.' });
  });

  it('accepts thirds typed to the server’s precision', () => {
    const result = toUpdate(
      draft({
        rows: [
          { assetClass: 'UsEquity', percent: '33.3', proxyId: 'eq' },
          { assetClass: 'Bonds', percent: '33.3', proxyId: 'bd' },
          { assetClass: 'Cash', percent: '33.4', proxyId: '' },
        ],
      }),
    );
    expect('body' in result && result.body.allocations).toEqual([
      { assetClass: 'UsEquity', weight: 0.333 },
      { assetClass: 'Bonds', weight: 0.333 },
      { assetClass: 'Cash', weight: 0.334 },
    ]);
  });
});
