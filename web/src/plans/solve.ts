import type { SolveOutput } from './results';
import { formatMoney, formatPercent } from '../lib/format';

/**
 * The solve answer as a sentence, e.g. "Save 240 more a month (1,740 in all) to reach 85%".
 * `current` is the lever's value in the plan today (monthly saving, or yearly spending).
 */
export function describeSolve(s: SolveOutput, currency: string, current: number | undefined, locale?: string): string {
  const target = formatPercent(s.target, locale, 0);
  const reached = formatPercent(s.successProbability, locale);
  switch (s.lever) {
    case 'saving': {
      const total = formatMoney(s.answer, currency, locale);
      if (current === undefined) return `Save ${total} a month to reach ${target} (${reached} at that saving).`;
      const diff = s.answer - current;
      if (Math.abs(diff) < 0.5) return `Your saving of ${total} a month already reaches ${target}.`;
      return diff > 0
        ? `Save ${formatMoney(diff, currency, locale)} more a month (${total} in all) to reach ${target}.`
        : `You could save ${formatMoney(-diff, currency, locale)} less a month (${total} in all) and still reach ${target}.`;
    }
    case 'spending': {
      const total = formatMoney(s.answer, currency, locale);
      if (current === undefined) return `Spend up to ${total} a year in today's money to keep ${target}.`;
      const diff = s.answer - current;
      return diff >= 0
        ? `You could spend ${formatMoney(diff, currency, locale)} more a year (${total} in all) and keep ${target}.`
        : `Spend ${formatMoney(-diff, currency, locale)} less a year (${total} in all) to reach ${target}.`;
    }
    case 'retirement-age':
      return s.retirementAge !== undefined
        ? `Retire at ${Math.ceil(s.retirementAge * 10) / 10} or later to reach ${target}.`
        : `Retire from month ${Math.ceil(s.answer)} or later to reach ${target}.`;
  }
}
