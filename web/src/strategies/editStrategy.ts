import type { components } from '../api/schema';
import type { RebalancingRule, Strategy } from './queries';

type S = components['schemas'];
export type AssetClass = S['AssetClass'];
export type UpdateStrategyBody = S['UpdateStrategyRequest'];

/** The classes a strategy may hold (Unclassified is not a target; docs/portfolio.md). */
export const TARGET_CLASSES: AssetClass[] = ['UsEquity', 'InternationalEquity', 'EmergingMarkets', 'Bonds', 'Tips', 'RealEstate', 'Commodities', 'Cash'];

/** One row of the form: a class, its weight in percent as typed, and the shared instrument pricing it ('' for cash or none chosen). */
export interface TargetRow {
  assetClass: AssetClass;
  percent: string;
  proxyId: string;
}

export interface StrategyDraft {
  name: string;
  description: string;
  rebalancing: RebalancingRule;
  rows: TargetRow[];
}

/** The form's starting point: the strategy as published now (weights as percentages, its proxies). */
export function draftOf(strategy: Strategy): StrategyDraft {
  return {
    name: strategy.name,
    description: strategy.description,
    rebalancing: strategy.rebalancing,
    rows: strategy.allocations
      .filter((a) => a.weight > 0)
      .map((a) => ({
        assetClass: a.assetClass,
        percent: trimPercent(a.weight * 100),
        proxyId: strategy.proxies.find((p) => p.assetClass === a.assetClass)?.instrumentId ?? '',
      })),
  };
}

function trimPercent(value: number): string {
  return String(Math.round(value * 10000) / 10000);
}

/**
 * The PUT body from a draft, or the first thing wrong with it. Weights are percentages that must add up to 100 (the server
 * checks the same rule on fractions); every class but cash needs a proxy. Name and description are always sent (the server
 * keeps them when unchanged); allocations are sent as fractions of one, exactly as typed (a weight of 33.3 % is 0.333).
 */
export function toUpdate(draft: StrategyDraft): { body: UpdateStrategyBody } | { error: string } {
  const name = draft.name.trim();
  if (!name) return { error: 'Give the strategy a name.' };
  if (draft.rows.length === 0) return { error: 'Add at least one asset class.' };
  const seen = new Set<string>();
  let sum = 0;
  for (const row of draft.rows) {
    if (seen.has(row.assetClass)) return { error: `${row.assetClass} appears twice.` };
    seen.add(row.assetClass);
    const percent = Number(row.percent);
    if (row.percent.trim() === '' || !Number.isFinite(percent) || percent <= 0 || percent > 100) return { error: 'Each weight is a percentage above 0 and at most 100.' };
    sum += percent;
    if (row.assetClass !== 'Cash' && !row.proxyId) return { error: 'Choose the instrument that prices each asset class (all but cash).' };
  }
  if (Math.abs(sum - 100) > 1e-9) return { error: `The weights add up to ${trimPercent(sum)} %, not 100 %.` };
  const proxies: Record<string, string> = {};
  for (const row of draft.rows) if (row.assetClass !== 'Cash') proxies[row.assetClass] = row.proxyId;
  return {
    body: {
      name,
      description: draft.description.trim(),
      rebalancing: draft.rebalancing,
      allocations: draft.rows.map((r) => ({ assetClass: r.assetClass, weight: Number((Number(r.percent) / 100).toFixed(8)) })),
      proxies,
    },
  };
}
