import type { CorporateActionProposal } from '../api/types';
import { formatDate, formatMoney, formatNumber } from '../lib/format';

/**
 * What the page says about dividends and splits proposed from market data (docs/import.md, "Dividends and
 * splits from data"). The amounts come from the server (gross, withheld to the cent, net); nothing is
 * recomputed here but the sums of the "confirm all" question.
 */

/** The cash a dividend brings: gross less the account's withholding (the server sends it as `net`). */
export const netOf = (p: CorporateActionProposal) => p.net ?? p.amount - p.withholding;

/** One line per proposal: "Split 4-for-1 on 10 held" or "Dividend 0.205 × 40 = $8.20, $1.23 withheld, $6.97 net". */
export function describe(p: CorporateActionProposal, locale?: string): string {
  if (p.kind === 'split') {
    return `Split ${formatNumber(p.splitNumerator, locale)}-for-${formatNumber(p.splitDenominator, locale)} on ${formatNumber(p.quantity, locale)} held`;
  }
  const gross = `Dividend ${formatNumber(p.perShare, locale)} × ${formatNumber(p.quantity, locale)} = ${formatMoney(p.amount, p.currency, locale)}`;
  return p.withholding > 0 ? `${gross}, ${formatMoney(p.withholding, p.currency, locale)} withheld, ${formatMoney(netOf(p), p.currency, locale)} net` : gross;
}

/** The accessible name of a proposal's confirm button: which event, of what, in which account. */
export function confirmLabel(p: CorporateActionProposal, accountName: string, locale?: string): string {
  return `Confirm the ${p.symbol} ${p.kind} of ${formatDate(p.date, locale)} in ${accountName}`;
}

/** The question "confirm all" asks before booking anything: how many of each, and the net cash per currency. */
export function confirmAllQuestion(proposals: readonly CorporateActionProposal[], locale?: string): string {
  const splits = proposals.filter((p) => p.kind === 'split').length;
  const dividends = proposals.filter((p) => p.kind === 'dividend');
  const cash = new Map<string, number>();
  for (const d of dividends) cash.set(d.currency, (cash.get(d.currency) ?? 0) + netOf(d));
  const parts = [splits > 0 ? plural(splits, 'split') : '', dividends.length > 0 ? plural(dividends.length, 'dividend') : ''].filter(Boolean);
  // Sums of amounts the server rounded to the cent: rounded again so float addition cannot show 6.970000001.
  const money = [...cash].map(([currency, amount]) => formatMoney(Math.round(amount * 100) / 100, currency, locale));
  return `Book ${parts.join(' and ')}${money.length > 0 ? ` (${money.join(', ')} net cash)` : ''}?`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
