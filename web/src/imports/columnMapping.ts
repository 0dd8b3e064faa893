import { z } from 'zod';
import type { components } from '../api/schema';

/**
 * The mapping wizard's logic (docs/import.md, "The mapping wizard"): guesses from a file's header and action
 * words, the form's zod schema, and the conversion to and from the server's ColumnMapping JSON — the same JSON
 * the CLI's `--mapping FILE` reads, so a saved mapping can be downloaded and used there unchanged.
 */

/** The transaction types an action word may map to (transfers need both accounts: not importable from one file). */
export const mappableTypes = ['Deposit', 'Withdrawal', 'Buy', 'Sell', 'Dividend', 'DividendReinvested', 'Interest', 'Fee', 'Split'] as const;
export type MappableType = (typeof mappableTypes)[number];

/** The columns the wizard asks for, in the order it asks; date and action are required. */
export const mappedFields = ['date', 'action', 'symbol', 'isin', 'quantity', 'price', 'amount', 'fees', 'currency'] as const;
export type MappedField = (typeof mappedFields)[number];

export const fieldLabels: Record<MappedField, string> = {
  date: 'Date',
  action: 'Action',
  symbol: 'Symbol',
  isin: 'ISIN',
  quantity: 'Quantity',
  price: 'Price',
  amount: 'Amount',
  fees: 'Fees',
  currency: 'Currency',
};

/** What the server stores and the CLI reads (src/Glidepath.Infrastructure/Import/Transactions/ColumnMapping.cs). */
export type ColumnMapping = components['schemas']['ColumnMapping'];

/** Header words that usually name each column, most specific first (matched without case, as whole words or the whole name). */
const hints: Record<MappedField, RegExp[]> = {
  date: [/^(trade )?date$/, /^datum$/, /\bdate\b/, /\bday\b/, /\btime\b/],
  action: [/^(action|type|activity|transaction type|trans code|vorgang)$/, /\b(action|type|activity)\b/],
  symbol: [/^(symbol|ticker|instrument)$/, /\b(symbol|ticker)\b/],
  isin: [/^isin$/, /\bisin\b/],
  quantity: [/^(quantity|qty|shares|units|anzahl|stück)$/, /\b(quantity|shares|units)\b/],
  price: [/^(price|kurs)$/, /\bprice\b/],
  amount: [/^(amount|total|net amount|value|cash|betrag)$/, /\b(amount|total)\b/],
  fees: [/^(fees?|charges?|commission|gebühr)$/, /\b(fee|fees|commission)\b/],
  currency: [/^(currency|ccy|währung)$/, /\bcurrency\b/],
};

/** A first guess of each column from the header: each header cell is used at most once; a field with no likely column stays empty. */
export function guessColumns(header: string[]): Record<MappedField, string> {
  const taken = new Set<string>();
  const guess = {} as Record<MappedField, string>;
  for (const field of mappedFields) {
    guess[field] = '';
    for (const hint of hints[field]) {
      const hit = header.find((h) => !taken.has(h) && hint.test(h.trim().toLowerCase()));
      if (hit !== undefined) {
        guess[field] = hit;
        taken.add(hit);
        break;
      }
    }
  }
  return guess;
}

/** The distinct action words of a column, in first-seen order (trimmed, empty cells left out), at most `max`. */
export function actionWords(header: string[], rows: string[][], actionColumn: string, max = 200): string[] {
  const index = header.indexOf(actionColumn);
  if (index < 0) return [];
  const seen = new Map<string, string>();
  for (const row of rows) {
    const word = (row[index] ?? '').trim();
    if (word && !seen.has(word.toLowerCase())) seen.set(word.toLowerCase(), word);
    if (seen.size >= max) break;
  }
  return [...seen.values()];
}

const typeHints: [RegExp, MappableType][] = [
  [/reinvest/, 'DividendReinvested'],
  [/split/, 'Split'],
  [/withholding|tax|fee|commission|charge/, 'Fee'],
  [/dividend|distribution|\bdiv\b/, 'Dividend'],
  [/interest/, 'Interest'],
  [/\b(buy|bought|purchase|kauf)\b/, 'Buy'],
  [/\b(sell|sold|sale|verkauf)\b/, 'Sell'],
  [/deposit|contribution|einzahlung|cash in/, 'Deposit'],
  [/withdraw|auszahlung|cash out/, 'Withdrawal'],
];

/** A guess of an action word's type, or '' (not imported) when none is likely: the user confirms every one. */
export function guessType(word: string): MappableType | '' {
  const w = word.toLowerCase();
  return typeHints.find(([re]) => re.test(w))?.[1] ?? '';
}

export const mappingFormSchema = z
  .object({
    date: z.string().min(1, 'Pick the column of the date.'),
    action: z.string().min(1, 'Pick the column of the action.'),
    symbol: z.string(),
    isin: z.string(),
    quantity: z.string(),
    price: z.string(),
    amount: z.string(),
    fees: z.string(),
    currency: z.string(),
    dateFormat: z
      .string()
      .min(1, 'Give the date format.')
      .refine((f) => /d/.test(f) && /M/.test(f) && /y/.test(f), 'A date format names the day (d), month (M) and year (y), e.g. dd.MM.yyyy.'),
    decimalSeparator: z.enum(['.', ',']),
    // An array, not a record: action words may hold dots, which form paths would read as nesting.
    actions: z.array(z.object({ word: z.string(), type: z.union([z.enum(mappableTypes), z.literal('')]) })),
  })
  .refine((v) => v.actions.some((a) => a.type !== ''), { message: 'Map at least one action word to a transaction type.', path: ['actions'] })
  .refine((v) => v.symbol !== '' || v.isin !== '', { message: 'Pick the column of the symbol or of the ISIN.', path: ['symbol'] });

export type MappingForm = z.infer<typeof mappingFormSchema>;

/** The form's first values for a file: the saved mapping where it fits the file's header, else guesses from the header. */
export function initialForm(header: string[], rows: string[][], saved: ColumnMapping | null): MappingForm {
  const columns = saved && fitsHeader(saved, header) ? fromSaved(saved, header) : guessColumns(header);
  const reused = saved !== null && fitsHeader(saved, header);
  return {
    ...columns,
    dateFormat: (reused ? saved.dateFormat : undefined) ?? guessDateFormat(header, rows, columns.date),
    decimalSeparator: reused && saved.decimalSeparator === ',' ? ',' : '.',
    actions: actionRows(header, rows, columns.action, reused ? saved.actions ?? {} : {}),
  };
}

/** One row per action word of the file: its type from `known` (the saved mapping, any case), else a guess. */
export function actionRows(header: string[], rows: string[][], actionColumn: string, known: Record<string, string>): MappingForm['actions'] {
  const byWord = new Map(Object.entries(known).map(([k, v]) => [k.trim().toLowerCase(), v]));
  return actionWords(header, rows, actionColumn).map((word) => {
    const type = byWord.get(word.toLowerCase());
    if (type === undefined) return { word, type: guessType(word) };
    return { word, type: (mappableTypes as readonly string[]).includes(type) ? (type as MappableType) : '' };
  });
}

/** Whether every column the mapping names is in the header (a saved mapping is reused only on a file it fits). */
export function fitsHeader(mapping: ColumnMapping, header: string[]): boolean {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return mappedFields.every((f) => {
    const column = mapping[f];
    return !column || names.has(column.trim().toLowerCase());
  });
}

/** The JSON the server and the CLI read: empty columns and unmapped words left out (an unlisted word is a row not imported). */
export function toMapping(form: MappingForm): ColumnMapping {
  const mapping: ColumnMapping = { date: form.date, action: form.action, dateFormat: form.dateFormat, decimalSeparator: form.decimalSeparator, actions: {} };
  for (const f of mappedFields) {
    if (f !== 'date' && f !== 'action' && form[f]) mapping[f] = form[f];
  }
  for (const { word, type } of form.actions) {
    if (type) mapping.actions![word] = type;
  }
  return mapping;
}

/** The date format the first date cells fit: ISO, or day-first/month-first with `.`, `/` or `-` (month-first only when a day past 12 says so). */
export function guessDateFormat(header: string[], rows: string[][], dateColumn: string): string {
  const index = header.indexOf(dateColumn);
  const cells = index < 0 ? [] : rows.map((r) => (r[index] ?? '').trim().split(' ')[0] ?? '').filter((c) => c !== '');
  if (cells.length === 0 || cells.every((c) => /^\d{4}-\d{2}-\d{2}$/.test(c))) return 'yyyy-MM-dd';
  const parts = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/.exec(cells[0] ?? '');
  const sep = parts?.[2];
  if (!sep) return 'yyyy-MM-dd';
  const monthFirst = cells.some((c) => {
    const m = /^(\d{1,2})[./-](\d{1,2})/.exec(c);
    return m !== null && Number(m[2] ?? 0) > 12;
  });
  // Single letters read one or two digits (01/05/2024 and 1/5/2024 alike).
  return monthFirst ? `M${sep}d${sep}yyyy` : `d${sep}M${sep}yyyy`;
}

/** The saved columns as this file's header spells them (names match without case, as on the server). */
function fromSaved(saved: ColumnMapping, header: string[]): Record<MappedField, string> {
  const columns = {} as Record<MappedField, string>;
  for (const f of mappedFields) {
    const name = saved[f]?.trim().toLowerCase();
    columns[f] = name ? (header.find((h) => h.trim().toLowerCase() === name) ?? '') : '';
  }
  return columns;
}
