import { describe, expect, it } from 'vitest';
import type { ScaleItem } from '../api/types';
import { answerList, previewScore, unanswered } from './riskprofile';

// Items 1 and 9 of the Grable & Lytton grid (item 1 reverse-keyed, item 9 scored 1 or 3).
const items: ScaleItem[] = [
  { number: 1, text: 'Best friend', options: [{ key: 'a', text: 'Gambler', points: 4 }, { key: 'b', text: 'Researcher', points: 3 }, { key: 'c', text: 'Cautious', points: 2 }, { key: 'd', text: 'Avoider', points: 1 }] },
  { number: 9, text: 'Given $1,000', options: [{ key: 'a', text: 'Sure gain', points: 1 }, { key: 'b', text: 'Gamble', points: 3 }] },
];

describe('risk questionnaire helpers', () => {
  it('scores only a complete questionnaire, with the published points', () => {
    expect(previewScore(items, { 1: 'd' })).toBeNull();
    expect(previewScore(items, { 1: 'd', 9: 'b' })).toBe(4);
    expect(previewScore(items, { 1: 'a', 9: 'a' })).toBe(5);
  });

  it('lists the unanswered items and the answers in item order', () => {
    expect(unanswered(items, { 9: 'a' })).toEqual([1]);
    expect(answerList(items, { 9: 'a', 1: 'c' })).toEqual(['c', 'a']);
  });
});
