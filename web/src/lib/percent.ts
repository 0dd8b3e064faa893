import { numberFormat, userLocale } from './format';

/** A signed fraction as a percentage ("+9.5%", "−2.0%"), for returns and drift. */
export function formatSignedPercent(fraction: number | null | undefined, locale = userLocale(), digits = 1): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return '—';
  return numberFormat(locale, { style: 'percent', signDisplay: 'exceptZero', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction);
}

/** A difference of two weights in percentage points ("+9.5 pts"): 0.095 is 9.5 points. */
export function formatPoints(fraction: number | null | undefined, locale = userLocale(), digits = 1): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return '—';
  const n = numberFormat(locale, { signDisplay: 'exceptZero', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction * 100);
  return `${n} pts`;
}

export type XirrStatus = 'Solved' | 'NoSignChange' | 'NoRoot' | 'MultipleRoots';

/** Why a money-weighted return has no rate, in words (docs/analytics.md, "MWR"). */
export function describeXirr(status: XirrStatus): string | null {
  switch (status) {
    case 'Solved':
      return null;
    case 'NoSignChange':
      return 'No rate: the flows never change sign (nothing invested, or nothing back yet).';
    case 'NoRoot':
      return 'No rate: no interest rate matches these flows.';
    case 'MultipleRoots':
      return 'No single rate: several rates match these flows.';
  }
}
