/** The browser's IANA time zone (what bookings are shown and invited in); UTC when the browser does not say. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * An instant on the clock of `timeZone`, e.g. "Mon 15 Mar 2027, 13:00" in en-GB. The server answers both clocks with
 * their offsets; formatting goes through the zone so a daylight-saving change shows as the zone's own hour.
 */
export function clockTime(iso: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** Stars as text for a 1–5 rating ("★★★★☆"). */
export function stars(rating: number): string {
  const n = Math.max(0, Math.min(5, Math.round(rating)));
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}
