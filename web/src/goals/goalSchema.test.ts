import { emptyGoalForm, fromGoal, goalSchema, toGoalBody, type Goal } from './goalSchema';

const goal: Goal = {
  id: 'g1', name: 'House deposit', kind: 'Home', targetAmount: 85_001, currency: 'USD', targetDate: '2031-06-01', personId: null, targetAge: null, priority: 2, planId: 'p1',
  fundingAccountIds: ['a1', 'a2'], fundedValue: 42_500.5, fundedShare: 0.5, status: 'AtRisk', successProbability: 0.75, statusRunId: 'r1', statusUpdatedUtc: '2026-12-06T10:00:00Z', version: 3,
};

describe('goal form', () => {
  it('writes a goal back as the body it was read from, with the version read', () => {
    expect(toGoalBody(fromGoal(goal), goal.version)).toEqual({
      name: 'House deposit', kind: 'Home', targetAmount: 85_001, targetDate: '2031-06-01', personId: null, targetAge: null, priority: 2, planId: 'p1', fundingAccountIds: ['a1', 'a2'], version: 3,
    });
  });

  it('sends a person and age instead of a date, and no plan as null', () => {
    const body = toGoalBody({ ...emptyGoalForm, name: ' Retire ', kind: 'Retirement', targetAmount: '1000000', when: 'age', targetDate: '2030-01-01', personId: 'p', targetAge: '65' });
    expect(body).toMatchObject({ name: 'Retire', targetDate: null, personId: 'p', targetAge: 65, planId: null, version: null });
  });

  it('names each missing field: a date, or a person and an age', () => {
    const paths = (v: object) => goalSchema.safeParse({ ...emptyGoalForm, name: 'x', targetAmount: '1', ...v }).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths({})).toEqual(['targetDate']);
    expect(paths({ when: 'age', targetAge: '121' })).toEqual(['personId', 'targetAge']);
    expect(paths({ targetDate: '2030-01-01', targetAmount: '0', priority: '0' })).toEqual(['targetAmount', 'priority']);
  });
});
