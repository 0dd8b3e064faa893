import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LotGroups } from './LotGroups';
import { groupLots } from './groupLots';
import type { Lot, Position } from '../api/types';

const lot = (lotId: string, accountId: string, instrumentId: string, symbol: string, acquiredDate: string, quantity: number, costPerUnit: number): Lot => ({
  lotId, accountId, instrumentId, symbol, acquiredDate, quantity, costPerUnit, costBasis: quantity * costPerUnit,
});
const position = (accountId: string, accountName: string, instrumentId: string, symbol: string, price: number) =>
  ({ accountId, accountName, instrumentId, symbol, price, currency: 'USD', quantity: 0, marketValue: 0, costBasis: 0, unrealisedGain: 0 }) as unknown as Position;

// 300 lots of one fund and two of another, in two accounts.
const lots = [
  ...Array.from({ length: 300 }, (_, i) => lot(`v${i}`, 'a1', 'vti', 'VTI', `2020-01-${String((i % 28) + 1).padStart(2, '0')}`, 1, 200)),
  lot('b2', 'a2', 'bnd', 'BND', '2024-03-01', 10, 72),
  lot('b1', 'a2', 'bnd', 'BND', '2024-01-03', 20, 70),
];
const positions = [position('a2', 'IRA', 'bnd', 'BND', 71), position('a1', 'Brokerage', 'vti', 'VTI', 250)];

describe('groupLots', () => {
  it('groups lots under their position in the positions order, oldest lot first, with totals', () => {
    const groups = groupLots(lots, positions, new Map());
    expect(groups.map((g) => [g.symbol, g.accountName, g.lots.length])).toEqual([
      ['BND', 'IRA', 2],
      ['VTI', 'Brokerage', 300],
    ]);
    expect(groups[0]!.lots.map((l) => l.lotId)).toEqual(['b1', 'b2']);
    expect(groups[0]!.quantity).toBe(30);
    expect(groups[0]!.costBasis).toBe(2120);
  });
});

describe('LotGroups', () => {
  it('shows one closed disclosure per position; opening one shows its lots only, by keyboard too', async () => {
    render(<LotGroups lots={lots} positions={positions} accountNames={new Map()} />);
    const user = userEvent.setup({ delay: null });
    const bnd = screen.getByRole('button', { name: /BND.*IRA/ });
    const vti = screen.getByRole('button', { name: /VTI.*Brokerage/ });
    expect(bnd).toHaveAttribute('aria-expanded', 'false');
    expect(vti).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryAllByRole('row')).toHaveLength(0);
    expect(screen.getByText(/302 open lot\(s\) in 2 position\(s\)/)).toBeInTheDocument();

    bnd.focus();
    await user.keyboard('{Enter}');
    expect(bnd).toHaveAttribute('aria-expanded', 'true');
    const table = screen.getByRole('table');
    // A header row and BND's two lots, valued at BND's price (20 × 71 − 1,400 = 20.00).
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('$20.00');
    expect(document.getElementById(bnd.getAttribute('aria-controls')!)).toContainElement(table);

    await user.keyboard(' ');
    expect(bnd).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
