import type { AssetClass, PortfolioToEvaluate, ProxyColumn, TargetAllocation } from '../api/types';
import type { Allocation } from '../lib/allocation';

/** A share of the portfolio by class: an asset class, cash, or value the UI could not class. */
export interface ClassShare {
  key: AssetClass | 'Cash' | 'Unpriced';
  share: number;
}

/** What the server is asked to place on the frontier chart, and what had to be left out of it. */
export interface FrontierInput {
  portfolio: PortfolioToEvaluate;
  /** Shares with no proxy in the assumptions (e.g. emerging markets): left out, the rest scaled up to fill. */
  uncovered: ClassShare[];
  /** The share held as cash: the optimiser's risk-free remainder. */
  cash: number;
}

/**
 * Maps shares by class to the optimiser's assets (one proxy column per asset class) for
 * `evaluate` on POST /api/v1/optimize. Cash is not an asset: it is the uninvested remainder, which
 * the server holds at the risk-free rate. Classes without a proxy are left out and the others
 * (cash included) scaled so the shares still add to one; the caller shows what was left out.
 * No return or risk is computed here. Null when nothing is covered.
 */
export function toFrontierInput(name: string, shares: ClassShare[], proxies: ProxyColumn[]): FrontierInput | null {
  const proxyOf = new Map(proxies.map((p) => [p.assetClass as string, p.asset]));
  const positive = shares.filter((s) => s.share > 0);
  const uncovered = positive.filter((s) => s.key !== 'Cash' && !proxyOf.has(s.key));
  const total = positive.reduce((sum, s) => sum + s.share, 0);
  const covered = total - uncovered.reduce((sum, s) => sum + s.share, 0);
  if (total <= 0 || covered <= 0) return null;
  const weights: Record<string, number> = {};
  let cash = 0;
  for (const s of positive) {
    const scaled = s.share / covered;
    if (s.key === 'Cash') cash += scaled;
    else {
      const asset = proxyOf.get(s.key);
      if (asset) weights[asset] = (weights[asset] ?? 0) + scaled;
    }
  }
  // Scaling can land a hair above one in floating point; the server refuses a sum over 1 + 1e-9.
  const invested = Object.values(weights).reduce((a, b) => a + b, 0);
  if (invested > 1) for (const k of Object.keys(weights)) weights[k] = weights[k]! / invested;
  return { portfolio: { name, weights }, uncovered, cash };
}

/** The household's holdings by class (the dashboard's allocation: positions at market value plus cash). */
export function sharesFromAllocation(allocation: Allocation): ClassShare[] {
  return allocation.slices.map((s) => ({ key: s.key, share: s.share }));
}

export function sharesFromModel(allocations: TargetAllocation[]): ClassShare[] {
  return allocations.map((a) => ({ key: a.assetClass, share: a.weight }));
}
