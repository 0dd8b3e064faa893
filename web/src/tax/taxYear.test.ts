import { parseTaxYear } from './taxYear';

describe('parseTaxYear', () => {
  it('takes only a complete four-digit year the server accepts', () => {
    expect(parseTaxYear('2024')).toBe(2024);
    expect(parseTaxYear(' 1999 ')).toBe(1999);
    for (const partial of ['', '2', '20', '202', '20245', '2o24', '-202', '1899', '9999', '0000']) expect(parseTaxYear(partial)).toBeNull();
  });
});
