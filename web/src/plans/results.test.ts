import { fanPoints, simulationOutput, solveOutput } from './results';

const p = (k: number) => ({ p5: k, p10: 2 * k, p25: 3 * k, p50: 4 * k, p75: 5 * k, p90: 6 * k, p95: 7 * k });

describe('simulation results', () => {
  const raw = {
    paths: 1000, seed: 7, successProbability: 0.9, successStandardError: 0.01,
    terminalWealth: p(10), terminalWealthReal: p(5),
    years: [
      { year: 1, month: 12, age: 46, nominal: p(100), real: p(90), depletionProbability: 0 },
      { year: 2, month: 24, age: 47, nominal: p(110), real: p(95), depletionProbability: 0.01 },
    ],
    spending: { cutYearShare: 0 },
    goals: [{ goal: 'Retirement', priority: 1, successProbability: 0.88, standardError: 0.01 }],
  };

  it('parses the stored result and builds the fan by age', () => {
    const out = simulationOutput.parse(raw);
    expect(fanPoints(out, 'nominal')[0]).toEqual({ x: 46, band90: [100, 700], band50: [300, 500], median: 400 });
    expect(fanPoints(out, 'real')[1]).toEqual({ x: 47, band90: [95, 665], band50: [285, 475], median: 380 });
  });

  it('uses the year when the scenario has no ages', () => {
    const out = simulationOutput.parse({ ...raw, years: raw.years.map(({ age: _age, ...y }) => y) });
    expect(fanPoints(out, 'nominal').map((f) => f.x)).toEqual([1, 2]);
  });

  it('refuses a result of another shape rather than drawing nonsense', () => {
    expect(simulationOutput.safeParse({ ...raw, years: [{ year: 1 }] }).success).toBe(false);
    expect(solveOutput.safeParse({ lever: 'savings', answer: 1, successProbability: 0.8, target: 0.85, curve: [] }).success).toBe(false);
  });
});
