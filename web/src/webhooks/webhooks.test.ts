import { describe, expect, it } from 'vitest';
import { deliveriesOf, deliveryOutcome, urlProblem, type Delivery } from './webhooks';

const delivery: Delivery = {
  id: 'd1',
  eventId: null,
  eventType: 'webhook.ping',
  state: 'delivered',
  attempts: 1,
  createdUtc: '2026-12-06T10:00:00Z',
  nextAttemptUtc: null,
  lastStatus: 200,
  lastError: null,
  deliveredUtc: '2026-12-06T10:00:01Z',
  body: '{}',
};

describe('webhooks', () => {
  it('reads the delivery log as a list or as a page', () => {
    expect(deliveriesOf([delivery])).toEqual([delivery]);
    expect(deliveriesOf({ items: [delivery] })).toEqual([delivery]);
  });

  it('takes https and loopback http, refuses other URLs', () => {
    expect(urlProblem('https://example.com/hook')).toBeNull();
    expect(urlProblem('http://127.0.0.1:9000/hook')).toBeNull();
    expect(urlProblem('http://example.com/hook')).toBe('The URL must start with https://.');
    expect(urlProblem('example.com')).toMatch(/full URL/);
  });

  it('says what happened to a delivery', () => {
    expect(deliveryOutcome(delivery)).toBe('delivered · 1 attempt · HTTP 200');
    expect(deliveryOutcome({ state: 'pending', attempts: 2, lastStatus: null, lastError: 'timed out' })).toBe('pending · 2 attempts · timed out');
    expect(deliveryOutcome({ state: 'pending', attempts: 0, lastStatus: null, lastError: null })).toBe('pending · 0 attempts · no answer yet');
  });
});
