import { latestSimulation, medianRows } from './compare';
import type { SimulationRun } from '../api/types';
import type { SimulationOutput } from './results';

const run = (id: string, kind: 'Simulate' | 'Solve', status: SimulationRun['status'], createdUtc: string) => ({ id, kind, status, createdUtc }) as SimulationRun;
const pct = (v: number) => ({ p5: v, p10: v, p25: v, p50: v, p75: v, p90: v, p95: v });
const output = (ages: number[], base: number): SimulationOutput => ({
  paths: 1, seed: 1, successProbability: 1, successStandardError: 0, terminalWealth: pct(0), terminalWealthReal: pct(0),
  years: ages.map((age, i) => ({ year: i + 1, month: 12 * (i + 1), age, nominal: pct(base * 2 + i), real: pct(base + i), depletionProbability: 0 })),
});

describe('plan comparison', () => {
  it('reads the newest succeeded simulation, never a solve or a failed run', () => {
    const runs = [run('a', 'Simulate', 'Succeeded', '2026-12-01T10:00:00Z'), run('b', 'Solve', 'Succeeded', '2026-12-03T10:00:00Z'), run('c', 'Simulate', 'Failed', '2026-12-04T10:00:00Z'), run('d', 'Simulate', 'Succeeded', '2026-12-02T10:00:00Z')];
    expect(latestSimulation(runs)?.id).toBe('d');
    expect(latestSimulation([run('b', 'Solve', 'Succeeded', '2026-12-03T10:00:00Z')])).toBeUndefined();
  });

  it('puts each plan’s median on one row per age, leaving out ages a plan does not reach', () => {
    const rows = medianRows([{ name: 'A', output: output([61, 62], 100) }, { name: 'B', output: output([62, 63], 500) }], 'real');
    expect(rows).toEqual([{ x: 61, p0: 100 }, { x: 62, p0: 101, p1: 500 }, { x: 63, p1: 501 }]);
    expect(medianRows([{ name: 'A', output: output([61], 100) }], 'nominal')).toEqual([{ x: 61, p0: 200 }]);
  });
});
