import { describe, expect, it } from 'vitest';
import { healthText, syncSummary } from './connections';

describe('healthText', () => {
  it('names each status', () => {
    expect(healthText({ status: 'ok', lastErrorCode: null, lastErrorMessage: null })).toBe('Up to date');
    expect(healthText({ status: 'never-synced', lastErrorCode: null, lastErrorMessage: null })).toBe('Not synced yet');
    expect(healthText({ status: 'relink-needed', lastErrorCode: 'ITEM_LOGIN_REQUIRED', lastErrorMessage: 'x' })).toBe('Needs you to link again (ITEM_LOGIN_REQUIRED)');
    expect(healthText({ status: 'error', lastErrorCode: 'INTERNAL_SERVER_ERROR', lastErrorMessage: 'try later' })).toBe('Last sync failed: INTERNAL_SERVER_ERROR — try later');
  });
});

describe('syncSummary', () => {
  it('counts rows and holding differences', () => {
    expect(syncSummary({ added: 1, modified: 0, removed: 2, skipped: 3, holdingDifferences: [] })).toBe('1 added · 0 changed · 2 removed · 3 skipped');
    const one = { accountId: 'a', providerAccountId: 'p', symbol: 'MIPTX', securityName: null, providerQuantity: 23.567, ledgerQuantity: 0 };
    expect(syncSummary({ added: 0, modified: 0, removed: 0, skipped: 0, holdingDifferences: [one] })).toBe('0 added · 0 changed · 0 removed · 0 skipped · 1 holding differs from the ledger');
  });
});
