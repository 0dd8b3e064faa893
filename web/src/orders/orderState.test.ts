import { describe, expect, it } from 'vitest';
import { describeRun, isOpen, waitingNote, type OrderDetails, type ProcessingRun } from './orderState';
import { orderSchema, toPlaceOrder } from './orderSchema';

const order = (o: Partial<OrderDetails>): Pick<OrderDetails, 'status' | 'type' | 'side' | 'limitPrice' | 'createdUtc' | 'broker' | 'fills'> => ({
  status: 'Submitted',
  type: 'Market',
  side: 'Buy',
  limitPrice: null,
  createdUtc: '2026-12-06T23:30:00Z',
  broker: 'paper',
  fills: [],
  ...o,
});

const run = (r: Partial<ProcessingRun>): ProcessingRun => ({ asOf: '2026-12-06', orders: 1, submitted: 0, fills: 0, filled: 0, rejected: 0, expired: 0, cancelled: 0, errors: 0, ...r });

describe('order state', () => {
  it('says an open paper order waits for a close after its UTC day', () => {
    expect(waitingNote(order({}))).toBe('Waiting for the next close after 2026-12-06: a market order fills at the first stored close after that day.');
    expect(waitingNote(order({ type: 'Limit', limitPrice: 32, side: 'Sell' }))).toBe('Waiting for a close after 2026-12-06 at or above the limit of 32.');
  });

  it('counts from the last fill once an order has filled in part', () => {
    const fill = { id: 'f', quantity: 5, price: 10, fees: 0, tradeDate: '2026-12-08', atUtc: '2026-12-09T00:00:00Z', transactionId: 't' };
    expect(waitingNote(order({ status: 'PartiallyFilled', fills: [fill] }))).toMatch(/after 2026-12-08/);
  });

  it('says nothing for final orders and names another broker', () => {
    expect(waitingNote(order({ status: 'Filled' }))).toBeNull();
    expect(isOpen({ status: 'Cancelled' })).toBe(false);
    expect(waitingNote(order({ broker: 'ibkr', status: 'Pending' }))).toBe('Waiting to be sent to the broker.');
  });

  it('describes a processing run', () => {
    expect(describeRun(run({ orders: 0 }))).toBe('No open orders to check.');
    expect(describeRun(run({}))).toBe('Checked 1 open order against the closes up to 2026-12-06: no new fills yet.');
    expect(describeRun(run({ orders: 2, fills: 1, filled: 1, errors: 1 }))).toBe(
      'Checked 2 open orders against the closes up to 2026-12-06: 1 fill booked, 1 left for later (the broker did not answer).',
    );
  });
});

describe('order form', () => {
  const base = { instrumentId: 'i', side: 'Buy' as const, type: 'Market' as const, quantity: '10', limitPrice: '' };

  it('takes a market order without a limit and sends none', () => {
    const parsed = orderSchema.parse(base);
    expect(toPlaceOrder(parsed)).toEqual({ instrumentId: 'i', side: 'Buy', type: 'Market', quantity: 10, limitPrice: null });
  });

  it('needs a positive limit for a limit order and a positive quantity', () => {
    const limit = orderSchema.safeParse({ ...base, type: 'Limit' });
    expect(limit.success).toBe(false);
    expect(limit.error?.issues[0]?.path).toEqual(['limitPrice']);
    expect(toPlaceOrder(orderSchema.parse({ ...base, type: 'Limit', limitPrice: '31.5' })).limitPrice).toBe(31.5);
    expect(orderSchema.safeParse({ ...base, quantity: '0' }).success).toBe(false);
    expect(orderSchema.safeParse({ ...base, quantity: 'ten' }).success).toBe(false);
  });
});
