import type { ScaleItem } from '../api/types';

export const riskProfileKeys = {
  questionnaire: ['risk-questionnaire'] as const,
  summary: (householdId: string) => ['household', householdId, 'risk-profile'] as const,
};

/** Answers by item number ("a".."d"); missing items are unanswered. */
export type Answers = Record<number, string>;

/** The items still unanswered, by number, in order. */
export function unanswered(items: ScaleItem[], answers: Answers): number[] {
  return items.filter((i) => !answers[i.number]).map((i) => i.number);
}

/**
 * The running total of the chosen options' points (the scale's published scoring; the server scores
 * again and its figure is the one stored). Null until every item is answered.
 */
export function previewScore(items: ScaleItem[], answers: Answers): number | null {
  let score = 0;
  for (const item of items) {
    const option = item.options.find((o) => o.key === answers[item.number]);
    if (!option) return null;
    score += option.points;
  }
  return score;
}

/** The answers in item order, as the API takes them. */
export function answerList(items: ScaleItem[], answers: Answers): string[] {
  return items.map((i) => answers[i.number] ?? '');
}
