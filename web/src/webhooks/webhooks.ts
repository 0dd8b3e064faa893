import type { components } from '../api/schema';

type S = components['schemas'];
export type Webhook = S['WebhookDto'];
export type CreatedWebhook = S['CreatedWebhookDto'];
export type Delivery = S['WebhookDeliveryDto'];

/** The events a webhook can subscribe to (docs/webhooks.md, "Events"; the server refuses others). */
export const webhookEvents = [
  ['transaction.created', 'A transaction is booked'],
  ['order.status_changed', 'An order changes status'],
  ['order.filled', 'An order fills'],
  ['rebalance.proposed', 'A rebalance is proposed'],
  ['simulation.completed', 'A simulation ends'],
  ['alert.triggered', 'A drift or harvest alert'],
  ['price.stale', 'A held instrument’s price is stale'],
  ['strategy.updated', 'A followed strategy changes'],
  ['consultation.reminder', 'A consultation starts within two days'],
  ['anomaly.detected', 'An unusual day in returns or spending'],
] as const;

export const webhookKeys = {
  list: (householdId: string) => ['household', householdId, 'webhooks'] as const,
  deliveries: (householdId: string, webhookId: string) => ['household', householdId, 'webhooks', webhookId, 'deliveries'] as const,
};

/**
 * The delivery log's entries from the list route's answer. The one place that knows its shape: today a
 * bare array, later a page (`{ items }`); both read the same here.
 */
export function deliveriesOf(answer: Delivery[] | { items: Delivery[] }): Delivery[] {
  return Array.isArray(answer) ? answer : answer.items;
}

/** A URL the server may take: https, or http on a loopback host (allowed only where the server permits loopback). */
export function urlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return 'Enter a full URL, such as https://example.com/hooks/glidepath.';
  }
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) return null;
  return 'The URL must start with https://.';
}

/** The delivery's outcome in words: state, attempts and the receiver's answer. */
export function deliveryOutcome(d: Pick<Delivery, 'state' | 'attempts' | 'lastStatus' | 'lastError'>): string {
  const tries = `${d.attempts} attempt${d.attempts === 1 ? '' : 's'}`;
  const answer = d.lastStatus != null ? `HTTP ${d.lastStatus}` : d.lastError ? d.lastError : 'no answer yet';
  return `${d.state} · ${tries} · ${answer}`;
}
