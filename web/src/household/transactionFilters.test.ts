import { filtersFromParams, filtersToParams, pageCount, transactionFilterSchema } from './transactionFilters';

describe('transaction filters', () => {
  it('reads the address bar and falls back to defaults for junk', () => {
    expect(filtersFromParams(new URLSearchParams('account=a1&from=2024-01-01&page=3&size=50'))).toEqual({
      accountId: 'a1', from: '2024-01-01', to: '', page: 3, pageSize: 50,
    });
    expect(filtersFromParams(new URLSearchParams('page=-2&size=7'))).toMatchObject({ page: 1, pageSize: 25 });
  });

  it('refuses a range that ends before it starts, and impossible dates', () => {
    const bad = transactionFilterSchema.safeParse({ accountId: '', from: '2024-05-01', to: '2024-04-01', page: 1, pageSize: 25 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['to']);
    expect(transactionFilterSchema.safeParse({ accountId: '', from: '2024-02-30', to: '', page: 1, pageSize: 25 }).success).toBe(false);
  });

  it('writes only what differs from the defaults', () => {
    expect(filtersToParams({ accountId: '', from: '', to: '2024-12-31', page: 1, pageSize: 25 })).toEqual({ to: '2024-12-31' });
  });

  it('counts pages, with at least one', () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
    expect(pageCount(100, 50)).toBe(2);
  });
});
