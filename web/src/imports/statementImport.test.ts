import { describe, expect, it } from 'vitest';
import { decisionQuery, isStatementFile, undecided } from './statementImport';
import type { ImportResult } from '../api/types';

const preview = {
  possibleDuplicates: [
    { row: 1, date: '2024-01-17', type: 'Withdrawal', amount: 42.1, memo: 'CORNER GROCER #12', existingTransactionId: 'x', existingDate: '2024-01-15', existingMemo: 'Corner Grocer' },
    { row: 4, date: '2024-01-16', type: 'Deposit', amount: 1250, memo: 'ACME', existingTransactionId: 'y', existingDate: '2024-01-16', existingMemo: 'ACME Payroll' },
  ],
} as unknown as ImportResult;

describe('statement import decisions', () => {
  it('sends skipped and kept rows apart, in order', () => {
    expect(decisionQuery({ 4: 'skip', 1: 'skip', 2: 'keep' })).toEqual({ skipRow: [1, 4], keepRow: [2] });
  });

  it('lists the possible duplicates still undecided', () => {
    expect(undecided(preview, { 1: 'keep' })).toEqual([4]);
    expect(undecided(preview, { 1: 'keep', 4: 'skip' })).toEqual([]);
    expect(undecided(null, {})).toEqual([]);
  });

  it('knows statement files by extension', () => {
    expect([isStatementFile('jan.OFX'), isStatementFile('card.qfx'), isStatementFile('q.qif'), isStatementFile('t.csv')]).toEqual([true, true, true, false]);
  });
});
