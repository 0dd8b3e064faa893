import { describe, expect, it } from 'vitest';
import { emptyTransaction, fromTransaction, toEditRequest, toRequests, transactionSchema } from './transactionSchema';
import type { Transaction } from '../api/types';

const base = { ...emptyTransaction('a1', '2024-06-28') };

describe('transaction form', () => {
  it('books a transfer as two halves sharing one new transfer id', () => {
    const form = transactionSchema.parse({ ...base, type: 'Transfer', toAccountId: 'a2', instrumentId: 'vti', quantity: '4', amount: '99' });
    const [out, into] = toRequests(form, () => 't1');
    expect([out?.type, out?.accountId, out?.transferId, out?.quantity, out?.amount]).toEqual(['TransferOut', 'a1', 't1', 4, 0]);
    expect([into?.type, into?.accountId, into?.transferId]).toEqual(['TransferIn', 'a2', 't1']);
  });

  it('sends only the fields a type uses', () => {
    const [deposit] = toRequests(transactionSchema.parse({ ...base, type: 'Deposit', amount: '100', quantity: '5', instrumentId: 'vti' }));
    expect([deposit?.amount, deposit?.quantity, deposit?.instrumentId, deposit?.splitNumerator]).toEqual([100, 0, null, null]);
    const [split] = toRequests(transactionSchema.parse({ ...base, type: 'Split', instrumentId: 'vti', splitNumerator: '2', splitDenominator: '1' }));
    expect([split?.splitNumerator, split?.splitDenominator, split?.amount]).toEqual([2, 1, 0]);
  });

  it('asks for what each type needs', () => {
    const issues = (v: object) => transactionSchema.safeParse({ ...base, ...v }).error?.issues.map((i) => i.path[0]) ?? [];
    expect(issues({ type: 'Sell' })).toEqual(['instrumentId', 'quantity']);
    expect(issues({ type: 'Fee', amount: '-1' })).toEqual(['amount', 'amount']);
    expect(issues({ type: 'Transfer', toAccountId: 'a1', amount: '5' })).toEqual(['toAccountId']);
    expect(issues({ type: 'Split', instrumentId: 'vti', splitNumerator: '2' })).toEqual(['splitDenominator']);
  });

  it('edits a transfer half in its own account and direction', () => {
    const stored = { id: 'x', accountId: 'a2', type: 'TransferIn', tradeDate: '2024-06-20', instrumentId: 'vti', quantity: 4, price: 0, fees: 0, amount: 0, currency: 'USD', fxRate: 1, transferId: 't1', lotSelections: [], memo: null } as unknown as Transaction;
    const form = transactionSchema.parse({ ...fromTransaction(stored), quantity: '3' });
    expect(toEditRequest(form, stored)).toMatchObject({ accountId: 'a2', type: 'TransferIn', transferId: 't1', quantity: 3 });
  });
});
