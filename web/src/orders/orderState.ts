import type { components } from '../api/schema';

type S = components['schemas'];
export type OrderDetails = S['OrderDetailsDto'];
export type OrderStatus = S['OrderStatus'];
export type ProcessingRun = S['OrderProcessingRunDto'];

const open: OrderStatus[] = ['Pending', 'Submitted', 'PartiallyFilled'];

export function isOpen(order: Pick<OrderDetails, 'status'>): boolean {
  return open.includes(order.status);
}

/** The order's day: the paper broker fills at closes dated after it (UTC, docs/orders.md). */
export function orderDay(order: Pick<OrderDetails, 'createdUtc'>): string {
  return new Date(order.createdUtc).toISOString().slice(0, 10);
}

/**
 * What an open order waits for, in words, so the page says why nothing has filled yet rather than
 * leaving "Pending" unexplained. Null for a final order.
 */
export function waitingNote(order: Pick<OrderDetails, 'status' | 'type' | 'side' | 'limitPrice' | 'createdUtc' | 'broker' | 'fills'>): string | null {
  if (!isOpen(order)) return null;
  const after = order.fills.length > 0 ? order.fills.map((f) => f.tradeDate).sort().at(-1)! : orderDay(order);
  if (order.broker !== 'paper') {
    return order.status === 'Pending' ? 'Waiting to be sent to the broker.' : 'Waiting for the broker to report fills.';
  }
  if (order.type === 'Limit' && order.limitPrice != null) {
    const cross = order.side === 'Buy' ? 'at or below' : 'at or above';
    return `Waiting for a close after ${after} ${cross} the limit of ${order.limitPrice}.`;
  }
  return `Waiting for the next close after ${after}: a market order fills at the first stored close after that day.`;
}

/** The answer to "Check for fills now" as one sentence. */
export function describeRun(run: ProcessingRun): string {
  if (run.orders === 0) return 'No open orders to check.';
  const outcome = [run.fills === 0 ? 'no new fills yet' : `${run.fills} fill${run.fills === 1 ? '' : 's'} booked`];
  if (run.rejected > 0) outcome.push(`${run.rejected} rejected`);
  if (run.expired > 0) outcome.push(`${run.expired} expired`);
  if (run.errors > 0) outcome.push(`${run.errors} left for later (the broker did not answer)`);
  return `Checked ${run.orders} open order${run.orders === 1 ? '' : 's'} against the closes up to ${run.asOf}: ${outcome.join(', ')}.`;
}
