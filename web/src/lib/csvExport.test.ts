import { csvCell, toCsv } from './csvExport';
import { parseCsv } from './csv';

describe('CSV export', () => {
  it('quotes only when needed and round-trips through the reader', () => {
    const csv = toCsv(['Symbol', 'Memo', 'Gain'], [['VTI', 'a, "b"', -12.5], ['BND', null, 3]]);
    expect(csv).toBe('Symbol,Memo,Gain\r\nVTI,"a, ""b""",-12.5\r\nBND,,3\r\n');
    expect(parseCsv(csv)).toEqual([['Symbol', 'Memo', 'Gain'], ['VTI', 'a, "b"', '-12.5'], ['BND', '', '3']]);
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(-3)).toBe('-3');
  });
});
