import { z } from 'zod';

const positive = (s: string) => /^\d+(\.\d+)?$/.test(s.trim()) && Number(s) > 0;

/** The place-order form: a market order has no limit; a limit order needs one above zero (the server checks again). */
export const orderSchema = z
  .object({
    instrumentId: z.string().min(1, 'Choose an instrument.'),
    side: z.enum(['Buy', 'Sell']),
    type: z.enum(['Market', 'Limit']),
    quantity: z.string().refine(positive, 'Quantity: a number above zero.'),
    limitPrice: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.type === 'Limit' && !positive(v.limitPrice)) {
      ctx.addIssue({ code: 'custom', path: ['limitPrice'], message: 'A limit order needs a limit price above zero.' });
    }
  });

export type OrderForm = z.infer<typeof orderSchema>;

export const emptyOrder: OrderForm = { instrumentId: '', side: 'Buy', type: 'Market', quantity: '', limitPrice: '' };

/** The request body for POST …/orders. */
export function toPlaceOrder(v: OrderForm) {
  return {
    instrumentId: v.instrumentId,
    side: v.side,
    type: v.type,
    quantity: Number(v.quantity),
    limitPrice: v.type === 'Limit' ? Number(v.limitPrice) : null,
  };
}
