import type { Lot, Position } from '../api/types';

/** The open lots of one position (an instrument in an account), with the position when there is one. */
export interface LotGroup {
  key: string;
  symbol: string;
  accountId: string;
  accountName: string;
  position: Position | undefined;
  lots: Lot[];
  quantity: number;
  costBasis: number;
}

/**
 * Lots grouped under their position, in the order of the positions table (lots of a position
 * the table does not show, e.g. one without a price, come last by symbol); within a group by
 * acquisition date, oldest first.
 */
export function groupLots(lots: readonly Lot[], positions: readonly Position[], accountNames: ReadonlyMap<string, string>): LotGroup[] {
  const keyOf = (accountId: string, instrumentId: string) => `${accountId}-${instrumentId}`;
  const order = new Map(positions.map((p, i) => [keyOf(p.accountId, p.instrumentId), i]));
  const byKey = new Map<string, Position>(positions.map((p) => [keyOf(p.accountId, p.instrumentId), p]));
  const groups = new Map<string, LotGroup>();
  for (const lot of lots) {
    const key = keyOf(lot.accountId, lot.instrumentId);
    let group = groups.get(key);
    if (!group) {
      const position = byKey.get(key);
      group = { key, symbol: lot.symbol, accountId: lot.accountId, accountName: position?.accountName ?? accountNames.get(lot.accountId) ?? '', position, lots: [], quantity: 0, costBasis: 0 };
      groups.set(key, group);
    }
    group.lots.push(lot);
    group.quantity += lot.quantity;
    group.costBasis += lot.costBasis;
  }
  for (const g of groups.values()) g.lots.sort((a, b) => a.acquiredDate.localeCompare(b.acquiredDate));
  const rank = (g: LotGroup) => order.get(g.key) ?? Number.MAX_SAFE_INTEGER;
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || a.symbol.localeCompare(b.symbol) || a.accountName.localeCompare(b.accountName));
}

/** Green for a gain, red for a loss, nothing for none. */
export function gainClass(v: number | null | undefined): string {
  if (v == null || v === 0) return '';
  return v > 0 ? 'text-green-800' : 'text-red-800';
}
