import type { ImportResult } from '../api/types';

/** What the user decided for a row listed as a possible duplicate (docs/statements.md, "De-duplication"). */
export type Decision = 'skip' | 'keep';

/** The skipRow and keepRow query values for the decisions made; undecided rows are in neither (the server refuses the import). */
export function decisionQuery(decisions: Record<number, Decision>): { skipRow: number[]; keepRow: number[] } {
  const entries = Object.entries(decisions).map(([row, d]) => [Number(row), d] as const);
  return {
    skipRow: entries.filter(([, d]) => d === 'skip').map(([row]) => row).sort((a, b) => a - b),
    keepRow: entries.filter(([, d]) => d === 'keep').map(([row]) => row).sort((a, b) => a - b),
  };
}

/** Rows listed as possible duplicates that the user has not decided yet. */
export function undecided(preview: ImportResult | null, decisions: Record<number, Decision>): number[] {
  return (preview?.possibleDuplicates ?? []).map((d) => d.row).filter((row) => decisions[row] === undefined);
}

/** A file the statement import reads, by its name (the server decides from the content). */
export function isStatementFile(name: string): boolean {
  return /\.(ofx|qfx|qif)$/i.test(name);
}
