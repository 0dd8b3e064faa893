import { ageOn, prefillPlan, marketFromAssumptions } from './prefill';
import { defaultPlanForm, defaultTaxesForm } from './scenarioForm';
import type { AssumptionSet, Person, Valuation } from '../api/types';

const person = (name: string, birthDate: string, retirementAge: number | null): Person => ({
  id: name, householdId: 'h', name, birthDate, retirementAge, filingStatus: 'MarriedFilingJointly', country: 'US', state: 'CA', notes: null, taxIdMasked: null,
});
const account = (type: Valuation['accounts'][number]['type'], total: number) => ({ accountId: type, name: type, type, isLiability: type === 'CreditCard', positions: 0, cash: total, total });
const valuation = (accounts: Valuation['accounts']): Valuation => ({
  date: '2026-12-06', currency: 'USD', assets: 0, liabilities: 0, netWorth: 999_999, pricesAsOf: null, stale: false, accounts, manualItems: [],
});

describe('ageOn', () => {
  it('counts whole years, a birthday counting from its day', () => {
    expect(ageOn('1981-12-06', '2026-12-06')).toBe(45);
    expect(ageOn('1981-12-07', '2026-12-06')).toBe(44);
    expect(ageOn('1981-11-30', '2026-12-06')).toBe(45);
    expect(ageOn('1984-02-29', '2026-02-28')).toBe(41);
  });
});

describe('prefillPlan', () => {
  it('takes the first two people, their ages today and retirement ages, 65 when not recorded', () => {
    const { form, people } = prefillPlan(
      [person('Alex Rivera', '1981-04-12', 62), person('Sam Rivera', '1984-09-30', null), person('Kim', '2010-01-01', null)],
      undefined,
      '2026-12-06',
    );
    expect(form.people).toEqual([
      { name: 'Alex Rivera', age: 45, retirementAge: 62 },
      { name: 'Sam Rivera', age: 42, retirementAge: 65 },
    ]);
    expect(people).toEqual(['Alex Rivera', 'Sam Rivera']);
    expect(form.startBalance).toBe(0);
  });

  it('never retires a person before today, and keeps the horizon a year to a hundred years ahead', () => {
    const { form } = prefillPlan([person('Old', '1930-01-01', 65)], undefined, '2026-12-06');
    expect(form.people[0]).toEqual({ name: 'Old', age: 96, retirementAge: 96 });
    expect(form.untilAge).toBe(97);
    expect(form.goals.find((g) => g.kind === 'retirement')?.age).toBe(97);
  });

  it('starts from the investment accounts today, not checking, cards or net worth', () => {
    const { form, balance } = prefillPlan(
      [],
      valuation([account('TaxableBrokerage', 100_000.5), account('RothIra', 50_000.25), account('Checking', 5_000), account('CreditCard', -1_200)]),
      '2026-12-06',
    );
    expect(form.startBalance).toBe(150_000.75);
    expect(balance).toEqual({ asOf: '2026-12-06', accounts: 2 });
    expect(form.people).toEqual(defaultPlanForm.people);
  });

  it('splits the investment accounts by tax treatment for the taxes block, leaving taxes off', () => {
    const { form } = prefillPlan(
      [person('Alex Rivera', '1981-04-12', 62)],
      valuation([account('TaxableBrokerage', 100_000.5), account('TraditionalIra', 80_000), account('Plan401K', 20_000.1), account('RothIra', 50_000.25), account('Hsa', 3_000), account('Checking', 5_000)]),
      '2026-12-06',
    );
    expect(form.taxes).toEqual({ ...defaultTaxesForm, filingStatus: 'marriedFilingJointly', taxable: 100_000.5, taxableBasis: 100_000.5, taxDeferred: 100_000.1, taxFree: 50_000.25, hsa: 3_000 });
    expect(form.taxes.enabled).toBe(false);
    expect(form.startBalance).toBe(253_000.85);
  });

  it('keeps the defaults without people or investment accounts', () => {
    const { form, balance } = prefillPlan(undefined, valuation([account('Checking', 5_000)]), '2026-12-06');
    expect(form).toEqual(defaultPlanForm);
    expect(balance).toBeNull();
  });
});

describe('marketFromAssumptions', () => {
  const set: AssumptionSet = {
    version: 3,
    asOf: '2026-11-30',
    name: 'test',
    sources: 'test',
    builtIn: false,
    createdUtc: '2026-12-01T00:00:00Z',
    classes: [
      { assetClass: 'Bonds', expectedReturn: 0.052782, volatility: 0.06725 },
      { assetClass: 'UsEquity', expectedReturn: 0.101102, volatility: 0.191375 },
    ],
    correlations: [
      [1, 0.2765],
      [0.2765, 1],
    ],
  };

  it('takes US equity and bonds, as percentages with two decimals, and their correlation', () => {
    expect(marketFromAssumptions(set)).toEqual({ equityReturnPct: 10.11, equityVolatilityPct: 19.14, bondReturnPct: 5.28, bondVolatilityPct: 6.73, correlation: 0.2765 });
    const prefill = prefillPlan([], undefined, '2026-12-06', set);
    expect(prefill.form.equityReturnPct).toBe(10.11);
    expect(prefill.assumptions).toEqual({ version: 3, asOf: '2026-11-30' });
  });

  it('keeps the defaults when the set lacks a class', () => {
    const noBonds = { ...set, classes: [set.classes[1]!], correlations: [[1]] };
    expect(marketFromAssumptions(noBonds)).toBeNull();
    expect(prefillPlan([], undefined, '2026-12-06', noBonds).assumptions).toBeNull();
  });
});
