import type { components } from '../api/schema';

type AssumptionSet = components['schemas']['AssumptionSetDto'];
type AssumptionRequest = components['schemas']['AssumptionSetRequest'];

/**
 * A new version being written in the admin page: percentages as the admin types them (strings), the
 * correlations as a full matrix kept symmetric (editing [i][j] writes [j][i] too).
 */
export interface AssumptionsDraft {
  name: string;
  asOf: string;
  sources: string;
  classes: { assetClass: AssetClass; expectedReturn: string; volatility: string }[];
  correlations: string[][];
}

type AssetClass = components['schemas']['AssetClass'];

const percent = (fraction: number) => String(Math.round(fraction * 1e6) / 1e4);

/** A draft starting from the set shown (usually the current one), dated today. */
export function draftFrom(set: AssumptionSet, today: string): AssumptionsDraft {
  return {
    name: '',
    asOf: today,
    sources: set.sources,
    classes: set.classes.map((c) => ({ assetClass: c.assetClass, expectedReturn: percent(c.expectedReturn), volatility: percent(c.volatility) })),
    correlations: set.correlations.map((row) => row.map((r) => String(r))),
  };
}

/** Sets one correlation and its mirror; the diagonal stays 1. */
export function withCorrelation(draft: AssumptionsDraft, i: number, j: number, value: string): AssumptionsDraft {
  if (i === j) return draft;
  const correlations = draft.correlations.map((row) => [...row]);
  correlations[i]![j] = value;
  correlations[j]![i] = value;
  return { ...draft, correlations };
}

/**
 * The request, or the first problem a person can fix before sending (the server checks again, and also
 * that the matrix is positive semi-definite, docs/assumptions.md).
 */
export function toRequest(draft: AssumptionsDraft): { request: AssumptionRequest } | { problem: string } {
  if (!draft.name.trim()) return { problem: 'Give the new version a name.' };
  if (!draft.sources.trim()) return { problem: 'Say where the figures come from (sources).' };
  const classes = [];
  for (const c of draft.classes) {
    const expectedReturn = Number(c.expectedReturn) / 100;
    const volatility = Number(c.volatility) / 100;
    if (c.expectedReturn.trim() === '' || !Number.isFinite(expectedReturn)) return { problem: `The expected return of ${c.assetClass} is not a number.` };
    if (c.volatility.trim() === '' || !Number.isFinite(volatility) || volatility <= 0) return { problem: `The volatility of ${c.assetClass} must be a number above 0.` };
    classes.push({ assetClass: c.assetClass, expectedReturn, volatility });
  }
  const correlations = draft.correlations.map((row) => row.map(Number));
  for (let i = 0; i < correlations.length; i++) {
    for (let j = 0; j < correlations.length; j++) {
      const r = correlations[i]![j]!;
      if (draft.correlations[i]![j]!.trim() === '' || !Number.isFinite(r) || r < -1 || r > 1) {
        return { problem: `The correlation of ${draft.classes[i]!.assetClass} and ${draft.classes[j]!.assetClass} must be between -1 and 1.` };
      }
    }
  }
  return { request: { name: draft.name.trim(), asOf: draft.asOf, sources: draft.sources.trim(), classes, correlations } };
}
