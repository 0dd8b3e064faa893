/**
 * A small RFC 4180 reader for the import preview only: the server parses the file again
 * (CsvHelper) and is the one that decides what is valid. Quoted fields may hold commas,
 * doubled quotes and line breaks; CRLF and LF both end a record.
 */
export function parseCsv(text: string, maxRecords = Number.POSITIVE_INFINITY): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // byte-order mark
  for (; i < text.length && records.length < maxRecords; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      if (!(record.length === 1 && record[0] === '')) records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (records.length < maxRecords && (field !== '' || record.length > 0)) {
    record.push(field);
    records.push(record);
  }
  return records;
}

export interface CsvPreview {
  header: string[];
  rows: string[][];
}

/** The header and the first `rows` records of a file, for the user to check before importing. */
export function previewCsv(text: string, rows = 20): CsvPreview {
  const [header = [], ...rest] = parseCsv(text, rows + 1);
  return { header, rows: rest };
}

/** Counts records (not lines: a quoted field may span lines) without keeping them. */
export function countCsvRecords(text: string): number {
  return Math.max(0, parseCsv(text).length - 1);
}
