import { describeSolve } from './solve';
import type { SolveOutput } from './results';

const base: SolveOutput = { lever: 'saving', answer: 1740, successProbability: 0.851, target: 0.85, curve: [] };

describe('describeSolve', () => {
  it('says how much more to save', () => {
    expect(describeSolve(base, 'USD', 1500, 'en-US')).toBe('Save $240.00 more a month ($1,740.00 in all) to reach 85%.');
  });

  it('says when less would do', () => {
    expect(describeSolve({ ...base, answer: 1200 }, 'USD', 1500, 'en-US')).toBe('You could save $300.00 less a month ($1,200.00 in all) and still reach 85%.');
  });

  it('describes spending and retirement age', () => {
    expect(describeSolve({ ...base, lever: 'spending', answer: 52000 }, 'EUR', 60000, 'en-US')).toBe('Spend €8,000.00 less a year (€52,000.00 in all) to reach 85%.');
    expect(describeSolve({ ...base, lever: 'retirement-age', answer: 250, retirementAge: 66.83 }, 'USD', undefined, 'en-US')).toBe('Retire at 66.9 or later to reach 85%.');
  });
});
