import { formatDate, formatMoney, formatPercent, humanize, parseIsoDate, todayIso } from './format';

describe('formatMoney', () => {
  it('formats in the locale and currency given', () => {
    expect(formatMoney(1234.5, 'USD', 'en-US')).toBe('$1,234.50');
    // de-DE groups with dots, uses a decimal comma and puts the symbol after.
    expect(formatMoney(1234.5, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
    expect(formatMoney(-20, 'GBP', 'en-GB')).toBe('-£20.00');
  });

  it('uses the currency minor units (JPY has none)', () => {
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500');
  });

  it('shows a dash for a missing amount rather than zero', () => {
    expect(formatMoney(null, 'USD', 'en-US')).toBe('—');
    expect(formatMoney(undefined, 'USD', 'en-US')).toBe('—');
  });
});

describe('formatDate', () => {
  it('keeps the calendar day whatever the time zone', () => {
    expect(formatDate('2024-01-01', 'en-US')).toBe('Jan 1, 2024');
    expect(formatDate('2000-12-29', 'en-GB')).toBe('29 Dec 2000');
  });

  it('refuses impossible dates', () => {
    expect(() => parseIsoDate('2023-02-29')).toThrow();
    expect(() => parseIsoDate('29/02/2024')).toThrow();
  });

  it('gives today in UTC', () => {
    expect(todayIso(new Date(Date.UTC(2026, 10, 23, 23, 59)))).toBe('2026-11-23');
  });
});

describe('formatPercent', () => {
  it('turns a fraction into a percentage', () => {
    expect(formatPercent(0.853, 'en-US')).toBe('85.3%');
    expect(formatPercent(1, 'en-US', 0)).toBe('100%');
  });
});

describe('humanize', () => {
  it('splits enum names', () => {
    expect(humanize('DividendReinvested')).toBe('Dividend reinvested');
    expect(humanize('TraditionalIra')).toBe('Traditional IRA');
    expect(humanize('UsEquity')).toBe('US equity');
    expect(humanize('Plan401K')).toBe('401(k)');
    expect(humanize('SpecificIdentification')).toBe('Specific identification');
  });
});
