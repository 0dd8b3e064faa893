import { formatDate } from '../lib/format';

/**
 * The date of the prices a valuation uses, and a warning when they are stale (the server flags a
 * close more than five trading days older than the valuation date).
 */
export function PricesAsOf({ date, stale }: { date: string | null | undefined; stale: boolean }) {
  if (!date) return null;
  return (
    <p className="text-sm text-slate-600" data-testid="prices-as-of">
      Prices as of {formatDate(date)}
      {stale && (
        <>
          {' '}
          <StaleBadge />
          <span className="sr-only">: some closes are more than five trading days old.</span>
        </>
      )}
    </p>
  );
}

export function StaleBadge() {
  return (
    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900" title="More than five trading days old">
      stale
    </span>
  );
}
