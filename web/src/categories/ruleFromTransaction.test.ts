import { describe, expect, it } from 'vitest';
import { ruleFromTransaction, type CategorisedTransaction } from './queries';

const row: CategorisedTransaction = {
  transactionId: 't1',
  accountId: 'a1',
  tradeDate: '2024-01-15',
  type: 'Withdrawal',
  signedAmount: -42.1,
  currency: 'USD',
  memo: 'CORNER GROCER #12',
  payee: 'Corner Grocer',
  categoryId: 'c1',
  categoryPath: 'Food/Groceries',
  source: 'Manual',
  ruleId: null,
  tags: [],
  splits: [],
};

describe('ruleFromTransaction', () => {
  it('matches the payee, the direction and sets the category of the row', () => {
    expect(ruleFromTransaction(row)).toEqual({ name: 'Corner Grocer', payeePattern: 'Corner Grocer', payeeMatch: 'Contains', direction: 'Outflow', setCategoryId: 'c1' });
  });

  it('an inflow without a category gives an inflow rule with no category yet', () => {
    expect(ruleFromTransaction({ ...row, signedAmount: 1250, categoryId: null, payee: 'Acme Payroll' })).toMatchObject({ direction: 'Inflow', setCategoryId: null });
  });
});
