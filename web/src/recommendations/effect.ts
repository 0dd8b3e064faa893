import { formatMoney } from '../lib/format';
import { formatPoints } from '../lib/percent';
import type { Recommendation } from './queries';

/**
 * What acting on a recommendation is worth, in words (docs/recommendations.md): the change in the plan's success
 * probability, tax saved a year, fees saved a year, or the money to move. Null when the rule computes no effect.
 */
export function describeEffect(item: Pick<Recommendation, 'kind' | 'effect'>, currency: string, locale?: string): string | null {
  const { amount, taxSaved, feesSaved, successProbabilityChange } = item.effect;
  const parts: string[] = [];
  if (successProbabilityChange != null) parts.push(`success ${formatPoints(successProbabilityChange, locale)}`);
  if (taxSaved != null) parts.push(`about ${formatMoney(taxSaved, currency, locale)} of tax saved${item.kind === 'harvest' ? '' : ' a year'}`);
  if (feesSaved != null) parts.push(`about ${formatMoney(feesSaved, currency, locale)} of fees saved a year`);
  if (parts.length === 0 && amount != null) parts.push(`${formatMoney(amount, currency, locale)} ${item.kind === 'emergency-fund' ? 'to set aside' : 'to move'}`);
  return parts.length === 0 ? null : parts.join('; ');
}
