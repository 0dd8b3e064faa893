/**
 * The tax year typed into the Tax page: only a complete four-digit year the server accepts
 * (1900–9998, `realized-gains?year=`) is used, so typing "2", "20", "202" on the way to "2024"
 * asks the server nothing.
 */
export function parseTaxYear(text: string): number | null {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) return null;
  const year = Number(t);
  return year >= 1900 && year <= 9998 ? year : null;
}
