import { describe, expect, it } from 'vitest';
import { actionWords, fitsHeader, guessColumns, guessDateFormat, guessType, initialForm, mappingFormSchema, toMapping } from './columnMapping';

// A statement of a broker no preset knows (hand-made, as in e2e/fixtures/unknown-broker-*.csv).
const header = ['Booking day', 'What happened', 'Ticker', 'Pieces', 'Unit price', 'Cash', 'Charges', 'Ccy'];
const rows = [
  ['15.01.2024', 'Cash in', '', '', '', '5000,00', '', 'EUR'],
  ['16.01.2024', 'Purchase', 'SAP', '10', '140,50', '-1405,00', '1,00', 'EUR'],
  ['20.05.2024', 'Dividend', 'SAP', '', '', '22,00', '', 'EUR'],
  ['21.05.2024', 'purchase', 'SAP', '1', '170,00', '-170,00', '', 'EUR'],
  ['30.06.2024', 'Custody fee', '', '', '', '-4,20', '', 'EUR'],
  ['01.07.2024', 'Option exercise', 'SAP', '', '', '', '', 'EUR'],
];

describe('guessing from the file', () => {
  it('finds each column by its usual names and uses a header cell once', () => {
    expect(guessColumns(header)).toEqual({
      date: 'Booking day',
      action: '', // no usual name: the user picks it
      symbol: 'Ticker',
      isin: '',
      quantity: '',
      price: 'Unit price',
      amount: 'Cash',
      fees: 'Charges',
      currency: 'Ccy',
    });
    expect(guessColumns(['Date', 'Type', 'Symbol', 'Quantity', 'Price', 'Amount', 'Fees', 'Currency', 'ISIN'])).toEqual({
      date: 'Date', action: 'Type', symbol: 'Symbol', isin: 'ISIN', quantity: 'Quantity', price: 'Price', amount: 'Amount', fees: 'Fees', currency: 'Currency',
    });
  });

  it('lists the distinct action words in the order met, without case duplicates or empty cells', () => {
    expect(actionWords(header, rows, 'What happened')).toEqual(['Cash in', 'Purchase', 'Dividend', 'Custody fee', 'Option exercise']);
    expect(actionWords(header, rows, 'No such column')).toEqual([]);
  });

  it('guesses common action words and leaves the others for the user', () => {
    expect(['Cash in', 'Purchase', 'Dividend', 'Custody fee', 'Option exercise', 'Reinvest dividend', 'Withholding tax'].map(guessType))
      .toEqual(['Deposit', 'Buy', 'Dividend', 'Fee', '', 'DividendReinvested', 'Fee']);
  });

  it('reads the date format from the cells: ISO, day first, or month first when a day past 12 says so', () => {
    expect(guessDateFormat(header, rows, 'Booking day')).toBe('d.M.yyyy');
    expect(guessDateFormat(['D'], [['2024-01-02']], 'D')).toBe('yyyy-MM-dd');
    expect(guessDateFormat(['D'], [['01/02/2024'], ['01/31/2024']], 'D')).toBe('M/d/yyyy');
    expect(guessDateFormat(['D'], [['01/02/2024'], ['03/04/2024']], 'D')).toBe('d/M/yyyy');
  });
});

describe('the mapping JSON', () => {
  const form = {
    ...initialForm(header, rows, null),
    action: 'What happened',
    quantity: 'Pieces',
    decimalSeparator: ',' as const,
  };
  form.actions = [
    { word: 'Cash in', type: 'Deposit' },
    { word: 'Purchase', type: 'Buy' },
    { word: 'Dividend', type: 'Dividend' },
    { word: 'Custody fee', type: 'Fee' },
    { word: 'Option exercise', type: '' },
  ];

  it('is what the CLI reads: empty columns and words not imported left out', () => {
    expect(mappingFormSchema.safeParse(form).success).toBe(true);
    expect(toMapping(form)).toEqual({
      date: 'Booking day', action: 'What happened', symbol: 'Ticker', quantity: 'Pieces', price: 'Unit price', amount: 'Cash', fees: 'Charges', currency: 'Ccy',
      dateFormat: 'd.M.yyyy', decimalSeparator: ',',
      actions: { 'Cash in': 'Deposit', Purchase: 'Buy', Dividend: 'Dividend', 'Custody fee': 'Fee' },
    });
  });

  it('refuses a form without date or action column, without any mapped word, or without symbol and ISIN', () => {
    const issues = (v: object) => (mappingFormSchema.safeParse(v).error?.issues ?? []).map((i) => i.path.join('.'));
    expect(issues({ ...form, date: '' })).toContain('date');
    expect(issues({ ...form, actions: form.actions.map((a) => ({ ...a, type: '' })) })).toContain('actions');
    expect(issues({ ...form, symbol: '', isin: '' })).toContain('symbol');
    expect(issues({ ...form, dateFormat: 'yyyy' })).toContain('dateFormat');
  });

  it('reuses a saved mapping on the next file when its columns are there, whatever their case, with its words', () => {
    const saved = toMapping(form);
    const next = initialForm(header.map((h) => h.toUpperCase()), rows, saved);
    expect(next.action).toBe('WHAT HAPPENED');
    expect(next.decimalSeparator).toBe(',');
    expect(next.actions).toEqual([
      { word: 'Cash in', type: 'Deposit' },
      { word: 'Purchase', type: 'Buy' },
      { word: 'Dividend', type: 'Dividend' },
      { word: 'Custody fee', type: 'Fee' },
      // Not in the saved mapping: saved as not imported, so it stays so.
      { word: 'Option exercise', type: '' },
    ]);
    expect(fitsHeader(saved, ['Booking day', 'What happened'])).toBe(false);
    // A file it does not fit gets guesses, not the saved columns.
    const other = initialForm(['Booking day', 'What happened'], rows, saved);
    expect([other.date, other.action, other.decimalSeparator]).toEqual(['Booking day', '', '.']);
  });
});
