import { describe, expect, it } from 'vitest';
import { manualAssetSchema } from './manualAssetSchema';

const valid = { name: 'Home', kind: 'Asset', category: 'RealEstate', currency: 'usd', amount: '350000', date: '2026-01-01' } as const;

describe('manualAssetSchema', () => {
  it('accepts a home with a value', () => {
    expect(manualAssetSchema.safeParse(valid).success).toBe(true);
  });

  it('refuses a mortgage filed as an asset, and a negative balance', () => {
    const result = manualAssetSchema.safeParse({ ...valid, category: 'Mortgage', amount: '-5' });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['amount', 'category']);
    expect(manualAssetSchema.safeParse({ ...valid, category: 'Mortgage' }).error?.issues[0]?.path).toEqual(['category']);
  });
});
