import { z } from 'zod';
import type { Transaction, TransactionType } from '../api/types';
import type { components } from '../api/schema';

export type TransactionRequest = components['schemas']['TransactionRequest'];

/** What the form offers; "Transfer" books a transfer out and a transfer in with one transfer id. */
export const entryTypes = ['Buy', 'Sell', 'Deposit', 'Withdrawal', 'Dividend', 'DividendReinvested', 'Interest', 'Fee', 'Split', 'Transfer'] as const;
export type EntryType = (typeof entryTypes)[number];

/** The fields each type uses; the others are hidden and sent as zero. */
export const fieldsOf: Record<EntryType, readonly ('instrumentId' | 'quantity' | 'price' | 'fees' | 'amount' | 'split' | 'toAccountId')[]> = {
  Buy: ['instrumentId', 'quantity', 'price', 'fees'],
  Sell: ['instrumentId', 'quantity', 'price', 'fees'],
  Deposit: ['amount'],
  Withdrawal: ['amount'],
  Dividend: ['instrumentId', 'amount'],
  DividendReinvested: ['instrumentId', 'quantity', 'price', 'amount'],
  Interest: ['amount'],
  Fee: ['amount'],
  Split: ['instrumentId', 'split', 'amount'],
  Transfer: ['toAccountId', 'instrumentId', 'quantity', 'amount'],
};

const decimal = (label: string) =>
  z
    .string()
    .trim()
    .refine((s) => s === '' || (/^\d+(\.\d+)?$/.test(s) && Number.isFinite(Number(s))), `${label}: a number, 0 or more (the type gives the direction)`);

export const transactionSchema = z
  .object({
    type: z.enum(entryTypes),
    accountId: z.string().min(1, 'Choose an account'),
    toAccountId: z.string(),
    tradeDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is required'),
    instrumentId: z.string(),
    quantity: decimal('Quantity'),
    price: decimal('Price'),
    fees: decimal('Fees'),
    amount: decimal('Amount'),
    splitNumerator: decimal('New units'),
    splitDenominator: decimal('Old units'),
    memo: z.string().max(500, 'At most 500 characters'),
  })
  .superRefine((v, ctx) => {
    const uses = fieldsOf[v.type];
    const positive = (field: 'quantity' | 'amount' | 'splitNumerator' | 'splitDenominator', message: string) => {
      if (!(Number(v[field]) > 0)) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    if (v.type !== 'Dividend' && v.type !== 'Transfer' && uses.includes('instrumentId') && !v.instrumentId) ctx.addIssue({ code: 'custom', path: ['instrumentId'], message: 'Choose an instrument' });
    if (v.type === 'Buy' || v.type === 'Sell' || v.type === 'DividendReinvested') positive('quantity', 'Quantity must be more than 0');
    if (v.type === 'DividendReinvested' || (uses.includes('amount') && uses.length === 1) || v.type === 'Dividend') positive('amount', 'Amount must be more than 0');
    if (v.type === 'Split') {
      positive('splitNumerator', 'New units must be more than 0');
      positive('splitDenominator', 'Old units must be more than 0');
    }
    if (v.type === 'Transfer') {
      if (!v.toAccountId) ctx.addIssue({ code: 'custom', path: ['toAccountId'], message: 'Choose the account it goes to' });
      else if (v.toAccountId === v.accountId) ctx.addIssue({ code: 'custom', path: ['toAccountId'], message: 'Choose another account' });
      if (v.instrumentId) positive('quantity', 'Quantity must be more than 0');
      else positive('amount', 'Amount of cash must be more than 0');
    }
  });
export type TransactionForm = z.infer<typeof transactionSchema>;

export const emptyTransaction = (accountId = '', tradeDate = ''): TransactionForm => ({
  type: 'Buy',
  accountId,
  toAccountId: '',
  tradeDate,
  instrumentId: '',
  quantity: '',
  price: '',
  fees: '',
  amount: '',
  splitNumerator: '',
  splitDenominator: '',
  memo: '',
});

const num = (s: string) => (s.trim() === '' ? 0 : Number(s));

/** The request for one account and type: fields the type does not use go as zero (or null). */
function request(v: TransactionForm, accountId: string, type: TransactionType, transferId: string | null): TransactionRequest {
  const uses = fieldsOf[v.type];
  const has = (f: (typeof uses)[number]) => uses.includes(f);
  return {
    accountId,
    type,
    tradeDate: v.tradeDate,
    settlementDate: null,
    instrumentId: has('instrumentId') && v.instrumentId ? v.instrumentId : null,
    quantity: has('quantity') && (type !== 'TransferIn' && type !== 'TransferOut' ? true : Boolean(v.instrumentId)) ? num(v.quantity) : 0,
    price: has('price') ? num(v.price) : 0,
    fees: has('fees') ? num(v.fees) : 0,
    amount: has('amount') && (type === 'TransferIn' || type === 'TransferOut' ? !v.instrumentId : true) ? num(v.amount) : 0,
    currency: null,
    fxRate: null,
    splitNumerator: has('split') ? num(v.splitNumerator) : null,
    splitDenominator: has('split') ? num(v.splitDenominator) : null,
    transferId,
    lotSelections: null,
    externalId: null,
    memo: v.memo.trim() || null,
  };
}

/** A new entry as the requests to book: one, or a transfer's two halves sharing a new transfer id. */
export function toRequests(v: TransactionForm, newId: () => string = () => crypto.randomUUID()): TransactionRequest[] {
  if (v.type !== 'Transfer') return [request(v, v.accountId, v.type, null)];
  const transferId = newId();
  return [request(v, v.accountId, 'TransferOut', transferId), request(v, v.toAccountId, 'TransferIn', transferId)];
}

/** An edit of a stored transaction: a transfer half keeps its own account, direction and transfer id. */
export function toEditRequest(v: TransactionForm, stored: Transaction): TransactionRequest {
  if (stored.type === 'TransferIn' || stored.type === 'TransferOut') return request({ ...v, type: 'Transfer' }, stored.accountId, stored.type, stored.transferId ?? null);
  return request(v, v.accountId, v.type as TransactionType, null);
}

/** The form's values for a stored transaction. */
export function fromTransaction(t: Transaction): TransactionForm {
  const text = (n: number | null | undefined) => (n ? String(n) : '');
  const transfer = t.type === 'TransferIn' || t.type === 'TransferOut';
  return {
    type: transfer ? 'Transfer' : (t.type as EntryType),
    accountId: t.accountId,
    // A transfer's accounts stay as booked (the form hides them); the marker passes the check.
    toAccountId: transfer ? 'unchanged' : '',
    tradeDate: t.tradeDate,
    instrumentId: t.instrumentId ?? '',
    quantity: text(t.quantity),
    price: text(t.price),
    fees: text(t.fees),
    amount: text(t.amount),
    splitNumerator: text(t.splitNumerator),
    splitDenominator: text(t.splitDenominator),
    memo: t.memo ?? '',
  };
}
