/**
 * Locale formatting. Amounts arrive from the API as JSON numbers already rounded to the
 * currency's minor units; they are shown, never recomputed, here. Dates arrive as ISO
 * `yyyy-MM-dd` (DateOnly) and are calendar dates: they are formatted in UTC so no time zone
 * can move them to the day before.
 */
export const userLocale = (): string => (typeof navigator !== 'undefined' && navigator.language) || 'en-US';

// Building an Intl formatter costs far more than using one (a chart formats every tick and point:
// new formatters per call were the largest self time on the dashboard's first load), so each
// locale and options pair is built once.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = locale + JSON.stringify(options);
  let f = numberFormats.get(k);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    numberFormats.set(k, f);
  }
  return f;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = locale + JSON.stringify(options);
  let f = dateFormats.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(k, f);
  }
  return f;
}

export function formatMoney(amount: number | null | undefined, currency: string, locale = userLocale(), compact = false): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return '—';
  return numberFormat(locale, compact
    ? { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }
    : { style: 'currency', currency }).format(amount);
}

export function formatNumber(value: number | null | undefined, locale = userLocale(), maxFractionDigits = 6): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return numberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** A fraction (0.853) as a percentage ("85.3%"). */
export function formatPercent(fraction: number | null | undefined, locale = userLocale(), digits = 1): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return '—';
  return numberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction);
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `yyyy-MM-dd` as a calendar date (UTC midnight); throws on anything else. */
export function parseIsoDate(value: string): Date {
  const m = isoDate.exec(value);
  if (!m) throw new Error(`Not an ISO date: ${value}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw new Error(`Not a calendar date: ${value}`);
  }
  return d;
}

export function formatDate(value: string | null | undefined, locale = userLocale()): string {
  if (!value) return '—';
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(parseIsoDate(value));
}

/** An instant (ISO with offset) in the user's own time zone. */
export function formatInstant(value: string | null | undefined, locale = userLocale()): string {
  if (!value) return '—';
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

/** Today as `yyyy-MM-dd` in UTC, the server's default "as of". */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const names: Record<string, string> = { Plan401K: '401(k)', Plan529: '529 plan', Hsa: 'HSA', Tips: 'TIPS', Etf: 'ETF', Fifo: 'FIFO', Lifo: 'LIFO', Hifo: 'HIFO' };

/** Splits camel-case enum names for display: "DividendReinvested" -> "Dividend reinvested". */
export function humanize(name: string): string {
  const known = names[name];
  if (known) return known;
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z])([A-Z][a-z])/g, '$1 $2').toLowerCase();
  return (spaced.charAt(0).toUpperCase() + spaced.slice(1)).replace(/\b(us|ira|etf)\b/gi, (w) => w.toUpperCase());
}
