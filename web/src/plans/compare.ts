import type { SimulationRun } from '../api/types';
import type { SimulationOutput } from './results';

/** The run a comparison reads: the plan's newest succeeded simulation (solves and other states are skipped). */
export function latestSimulation(runs: readonly SimulationRun[]): SimulationRun | undefined {
  return runs.filter((r) => r.kind === 'Simulate' && r.status === 'Succeeded').sort((a, b) => b.createdUtc.localeCompare(a.createdUtc))[0];
}

export interface Compared {
  name: string;
  output: SimulationOutput;
}

/**
 * Rows for one chart of the median balance of each plan by age (or year when a plan has no
 * people): one row per x, a key per plan (`p0`, `p1`, …) where that plan has the point.
 */
export function medianRows(plans: readonly Compared[], money: 'real' | 'nominal'): Record<string, number>[] {
  const byX = new Map<number, Record<string, number>>();
  plans.forEach((p, i) => {
    for (const y of p.output.years) {
      const x = y.age ?? y.year;
      const row = byX.get(x) ?? { x };
      row[`p${i}`] = (money === 'real' ? y.real : y.nominal).p50;
      byX.set(x, row);
    }
  });
  return [...byX.values()].sort((a, b) => a.x! - b.x!);
}
