import { defaultPlanForm, fromScenario, planFormSchema, toScenario, type PlanForm } from './scenarioForm';

const form: PlanForm = {
  ...defaultPlanForm,
  name: 'Rivera',
  startBalance: 250_000,
  people: [
    { name: 'Alex', age: 45, retirementAge: 65 },
    { name: 'Sam', age: 43, retirementAge: 66 },
  ],
  incomes: [
    { kind: 'salary', person: 1, annualAmount: 30_000, growthPct: 1, fromAge: undefined },
    { kind: 'socialSecurity', person: 0, annualAmount: 24_000, fromAge: 67, growthPct: 0 },
  ],
  goals: [
    { name: 'Retirement', kind: 'retirement', priority: 1, amount: 60_000, age: 95 },
    { name: 'Tuition', kind: 'lumpSum', priority: 2, amount: 40_000, age: 50 },
  ],
};

describe('plan form', () => {
  it('maps to the scenario format with fractions and a horizon from ages', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads the scenario JSON field by field
    const s = toScenario(form) as Record<string, any>;
    expect(s.horizonMonths).toBe(600);
    expect(s.inflation).toBe(0.025);
    expect(s.allocation.weights).toEqual([0.7, 0.3]);
    expect(s.assets[0]).toEqual({ name: 'Equity', expectedReturn: 0.065, volatility: 0.17 });
    expect(s.targetSuccess).toBe(0.85);
    expect(s.plan.incomes).toEqual([
      { kind: 'salary', person: 1, annualAmount: 30_000, growth: 0.01 },
      { kind: 'socialSecurity', person: 0, annualAmount: 24_000, fromAge: 67 },
    ]);
    expect(s.plan.goals[1]).toEqual({ name: 'Tuition', kind: 'lumpSum', priority: 2, amount: 40_000, atAge: 50 });
  });

  it('reads back what it wrote', () => {
    const back = fromScenario('Rivera', toScenario(form));
    expect(back).not.toBeNull();
    expect(toScenario(back!)).toEqual(toScenario(form));
  });

  it('leaves scenarios it cannot show to the JSON editor', () => {
    const withFlows = { ...toScenario(form), cashFlows: [] };
    expect(fromScenario('x', withFlows)).toBeNull();
    expect(fromScenario('x', { startBalance: 1 })).toBeNull();
  });

  it('validates ages, the horizon and people referenced by incomes', () => {
    const bad = planFormSchema.safeParse({
      ...form,
      untilAge: 44,
      people: [{ name: 'Alex', age: 45, retirementAge: 40 }],
      incomes: [{ kind: 'pension', person: 1, annualAmount: 1, growthPct: 0 }],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['untilAge', 'people.0.retirementAge', 'incomes.0.person']));
  });

  it('refuses an empty name and a negative balance', () => {
    const bad = planFormSchema.safeParse({ ...form, name: '  ', startBalance: -1 });
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['name', 'startBalance']);
  });
});
