import { useId, useState } from 'react';
import type { Lot, Position } from '../api/types';
import { ScrollArea } from '../components/ScrollArea';
import { formatDate, formatMoney, formatNumber } from '../lib/format';
import { gainClass, groupLots, type LotGroup } from './groupLots';

/**
 * Open lots under their positions, each position a disclosure (a button with aria-expanded,
 * closed at first): a household with hundreds of lots gets a page of positions, not of lots.
 */
export function LotGroups({ lots, positions, accountNames }: { lots: readonly Lot[]; positions: readonly Position[]; accountNames: ReadonlyMap<string, string> }) {
  const groups = groupLots(lots, positions, accountNames);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <>
      <p className="mb-2 text-sm text-slate-600">
        {lots.length} open lot(s) in {groups.length} position(s). Open a position to see its lots.
      </p>
      <ul className="divide-y divide-slate-100" data-testid="lot-groups">
        {groups.map((g) => (
          <LotGroupItem key={g.key} group={g} open={open.has(g.key)} onToggle={() => toggle(g.key)} />
        ))}
      </ul>
    </>
  );
}

function LotGroupItem({ group: g, open, onToggle }: { group: LotGroup; open: boolean; onToggle: () => void }) {
  const panel = useId();
  const currency = g.position?.currency ?? 'USD';
  return (
    <li>
      <h3 className="text-sm">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panel}
          onClick={onToggle}
          className="flex w-full flex-wrap items-baseline gap-x-3 gap-y-1 rounded-md px-1 py-2 text-left hover:bg-slate-50"
        >
          <span aria-hidden="true" className="w-3 text-slate-600">
            {open ? '▾' : '▸'}
          </span>
          <span className="font-semibold">{g.symbol}</span>
          <span className="text-slate-700">{g.accountName}</span>
          <span className="ml-auto text-slate-600">
            {g.lots.length} lot(s), {formatNumber(g.quantity)} units, cost {formatMoney(g.costBasis, currency)}
          </span>
        </button>
      </h3>
      <div id={panel} hidden={!open} className="pb-2">
        {open && <LotTable group={g} currency={currency} />}
      </div>
    </li>
  );
}

function LotTable({ group: g, currency }: { group: LotGroup; currency: string }) {
  const price = g.position?.price;
  return (
    <ScrollArea label={`Lots of ${g.symbol} in ${g.accountName}`}>
      <table className="table" data-testid="lots-table">
        <thead>
          <tr>
            <th scope="col">Acquired</th>
            <th scope="col" className="num">Quantity</th>
            <th scope="col" className="num">Cost per unit</th>
            <th scope="col" className="num">Cost basis</th>
            <th scope="col" className="num">Value</th>
            <th scope="col" className="num">Unrealised gain</th>
          </tr>
        </thead>
        <tbody>
          {g.lots.map((l) => {
            // A lot's value is its share of the position at the position's price.
            const value = price != null ? l.quantity * price : null;
            const gain = value != null ? value - l.costBasis : null;
            return (
              <tr key={l.lotId}>
                <td>{formatDate(l.acquiredDate)}</td>
                <td className="num">{formatNumber(l.quantity)}</td>
                <td className="num">{formatMoney(l.costPerUnit, currency)}</td>
                <td className="num">{formatMoney(l.costBasis, currency)}</td>
                <td className="num">{formatMoney(value, currency)}</td>
                <td className={`num ${gainClass(gain)}`}>{formatMoney(gain, currency)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollArea>
  );
}
