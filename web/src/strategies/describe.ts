import type { RebalancingRule } from './queries';

/** The rule in words, as docs/strategies.md states it. */
export function describeRule(rule: RebalancingRule): string {
  switch (rule) {
    case 'Monthly':
      return 'back to target at the first close of each month';
    case 'Quarterly':
      return 'back to target at the first close of each quarter';
    case 'Annually':
      return 'back to target at the first close of each year';
    default:
      return 'bought once and left to drift (buy and hold)';
  }
}

/** "UsEquity" → "US equity": asset-class names for people. */
export function assetClassLabel(assetClass: string): string {
  const known: Record<string, string> = {
    UsEquity: 'US equity',
    InternationalEquity: 'International equity',
    EmergingMarkets: 'Emerging markets',
    Bonds: 'Bonds',
    Tips: 'TIPS',
    RealEstate: 'Real estate',
    Commodities: 'Commodities',
    Cash: 'Cash',
  };
  return known[assetClass] ?? assetClass;
}

/** Chart rows: the growth of 1 as a return since the base (0 = where it started) and the drawdown as a negative fraction. */
export function chartRows(points: { date: string; value: number; drawdown: number }[]): { date: string; growth: number; drawdown: number }[] {
  return points.map((p) => ({ date: p.date, growth: p.value - 1, drawdown: -p.drawdown }));
}
