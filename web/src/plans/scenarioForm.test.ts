// @vitest-environment node
import { readFileSync } from 'node:fs';
import { defaultPlanForm, defaultTaxesForm, fromScenario, planFormSchema, toScenario, type PlanForm } from './scenarioForm';

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

  it('writes the taxes block in the documented scenario format, with the accounts as the start balance', () => {
    // examples/household-plan-taxes.json is the format's worked example (the CLI tests run it); the form
    // writes the same block except the Roth conversion, which is edited as JSON.
    const example = JSON.parse(readFileSync(new URL('../../../examples/household-plan-taxes.json', import.meta.url), 'utf8')) as { taxes: Record<string, unknown> };
    const { rothConversion: _conversion, ...expected } = example.taxes;
    const taxed: PlanForm = {
      ...form,
      startBalance: 1,
      taxes: { enabled: true, filingStatus: 'marriedFilingJointly', stateRatePct: 4.5, taxable: 60_000, taxableBasis: 45_000, taxDeferred: 150_000, taxFree: 35_000, hsa: 5_000, withdrawalOrder: 'fillBracket', fillBracketRatePct: 12, contributionAccount: 'taxDeferred' },
    };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads the scenario JSON field by field
    const s = toScenario(taxed) as Record<string, any>;
    expect(s.taxes).toEqual(expected);
    expect(s.startBalance).toBe(250_000);
    expect(toScenario(fromScenario('Rivera', s)!)).toEqual(s);
    expect(toScenario(form)).not.toHaveProperty('taxes');
    expect(fromScenario('Rivera', toScenario(form))!.taxes).toEqual(defaultTaxesForm);
  });

  it('leaves a taxes block with a Roth conversion to the JSON editor, and refuses a basis above the balance', () => {
    const taxed = toScenario({ ...form, taxes: { ...defaultTaxesForm, enabled: true, taxable: 100 } });
    expect(fromScenario('x', { ...taxed, taxes: { ...(taxed.taxes as object), rothConversion: { kind: 'fixedAmount', amount: 1, startMonth: 0, endMonth: 12 } } })).toBeNull();
    const bad = planFormSchema.safeParse({ ...form, taxes: { ...defaultTaxesForm, enabled: true, taxable: 100, taxableBasis: 101 } });
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['taxes.taxableBasis']);
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
