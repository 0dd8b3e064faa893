import { countCsvRecords, parseCsv, previewCsv } from './csv';

describe('parseCsv', () => {
  it('splits plain records', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('keeps commas, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('"x, y","say ""hi""","two\nlines"\r\n1,2,3')).toEqual([
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '2', '3'],
    ]);
  });

  it('keeps empty cells and skips blank lines', () => {
    expect(parseCsv('a,,c\n\n,,\n')).toEqual([['a', '', 'c'], ['', '', '']]);
  });

  it('drops a byte-order mark and reads a last line without a newline', () => {
    expect(parseCsv('\ufeffDate,Type\n2024-01-02,Deposit')).toEqual([['Date', 'Type'], ['2024-01-02', 'Deposit']]);
  });
});

describe('previewCsv', () => {
  it('gives the header and at most the rows asked for', () => {
    const text = 'Date,Type\n' + Array.from({ length: 50 }, (_, i) => `2024-01-${String((i % 28) + 1).padStart(2, '0')},Deposit`).join('\n');
    const p = previewCsv(text, 5);
    expect(p.header).toEqual(['Date', 'Type']);
    expect(p.rows).toHaveLength(5);
    expect(countCsvRecords(text)).toBe(50);
  });
});
