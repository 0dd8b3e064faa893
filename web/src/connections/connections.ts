import type { components } from '../api/schema';

type S = components['schemas'];
export type Connection = S['ConnectionDto'];
export type SyncResult = S['SyncResultDto'];

export const connectionKeys = {
  list: (householdId: string) => ['household', householdId, 'connections'] as const,
};

/** The connection's health in words (docs/aggregation.md, "Health"). */
export function healthText(c: Pick<Connection, 'status' | 'lastErrorCode' | 'lastErrorMessage'>): string {
  switch (c.status) {
    case 'ok':
      return 'Up to date';
    case 'never-synced':
      return 'Not synced yet';
    case 'relink-needed':
      return `Needs you to link again (${c.lastErrorCode ?? 'login required'})`;
    default:
      return `Last sync failed: ${c.lastErrorCode ?? 'error'}${c.lastErrorMessage ? ` — ${c.lastErrorMessage}` : ''}`;
  }
}

/** What one sync did, in one line. */
export function syncSummary(r: Pick<SyncResult, 'added' | 'modified' | 'removed' | 'skipped' | 'holdingDifferences'>): string {
  const parts = [`${r.added} added`, `${r.modified} changed`, `${r.removed} removed`, `${r.skipped} skipped`];
  const differences = r.holdingDifferences.length;
  if (differences > 0) parts.push(`${differences} ${differences === 1 ? 'holding differs' : 'holdings differ'} from the ledger`);
  return parts.join(' · ');
}
