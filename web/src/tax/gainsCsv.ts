import type { RealisedGain } from '../api/types';
import { toCsv } from '../lib/csvExport';

/**
 * Realised gains as CSV, one row per lot sold, with the wash-sale columns: the loss disallowed
 * (IRC §1091, added to the replacement lot's basis) and Form 8949's adjustment code W. The
 * reportable gain is the gain plus the disallowed loss (docs/wash-sales.md). Amounts as the
 * server sent them, unformatted, so a spreadsheet reads them as numbers.
 */
export function gainsCsv(gains: RealisedGain[], accountName: (id: string) => string): string {
  return toCsv(
    ['Account', 'Symbol', 'Acquired', 'Sold', 'Quantity', 'Proceeds', 'CostBasis', 'Gain', 'Term', 'DisallowedLoss', 'Code', 'ReportableGain'],
    gains.map((g) => [
      accountName(g.accountId),
      g.symbol,
      g.acquiredDate,
      g.soldDate,
      g.quantity,
      g.proceeds,
      g.costBasis,
      g.gain,
      g.term === 'ShortTerm' ? 'Short' : 'Long',
      g.disallowedLoss,
      g.code ?? '',
      reportableGain(g),
    ]),
  );
}

/** The gain less the disallowed part of a loss; rounded to cents since both come in cents. */
export function reportableGain(g: Pick<RealisedGain, 'gain' | 'disallowedLoss'>): number {
  return Math.round((g.gain + g.disallowedLoss) * 100) / 100;
}
