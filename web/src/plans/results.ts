import { z } from 'zod';

/**
 * The stored `result` of a run. The OpenAPI document types it as any JSON (it is the Domain's
 * SimulationReport / SolveResult shape, docs/monte-carlo.md), so it is checked here at run time.
 */
const percentiles = z.object({ p5: z.number(), p10: z.number(), p25: z.number(), p50: z.number(), p75: z.number(), p90: z.number(), p95: z.number() });
export type Percentiles = z.infer<typeof percentiles>;

export const simulationOutput = z.object({
  paths: z.number(),
  seed: z.number(),
  successProbability: z.number(),
  successStandardError: z.number(),
  terminalWealth: percentiles,
  terminalWealthReal: percentiles,
  years: z.array(z.object({ year: z.number(), month: z.number(), age: z.number().optional(), nominal: percentiles, real: percentiles, depletionProbability: z.number() })),
  medianDepletionMonth: z.number().optional(),
  medianDepletionAge: z.number().optional(),
  goals: z.array(z.object({ goal: z.string(), priority: z.number(), successProbability: z.number(), standardError: z.number() })).optional(),
  taxes: z
    .object({
      years: z.array(z.object({ year: z.number(), age: z.number().optional(), meanNominal: z.number(), meanReal: z.number() })),
      lifetimeReal: percentiles,
      meanLifetimeReal: z.number(),
    })
    .optional(),
});
export type SimulationOutput = z.infer<typeof simulationOutput>;

export const solveOutput = z.object({
  lever: z.enum(['saving', 'retirement-age', 'spending']),
  answer: z.number(),
  retirementAge: z.number().optional(),
  successProbability: z.number(),
  target: z.number(),
  curve: z.array(z.object({ value: z.number(), successProbability: z.number() })),
});
export type SolveOutput = z.infer<typeof solveOutput>;

export interface FanPoint {
  x: number;
  band90: [number, number];
  band50: [number, number];
  median: number;
}

/** Rows for the fan chart: the 5–95 and 25–75 bands and the median, by age (or year). */
export function fanPoints(output: SimulationOutput, money: 'nominal' | 'real'): FanPoint[] {
  return output.years.map((y) => {
    const p = money === 'nominal' ? y.nominal : y.real;
    return { x: y.age ?? y.year, band90: [p.p5, p.p95], band50: [p.p25, p.p75], median: p.p50 };
  });
}
