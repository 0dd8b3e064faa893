import { ErrorMessage } from '../components/DataState';
import { formatDate, formatMoney, formatPercent } from '../lib/format';
import { useDismissAnomaly, useScanAnomalies, type Anomaly } from './queries';

const isDuplicate = (a: Anomaly) => a.seriesKind === 'duplicate-charge';

/** The series as a person reads it: "Portfolio return", the spending category's path, or the payee charged twice. */
export function seriesName(a: Anomaly): string {
  if (isDuplicate(a)) return `Charged twice: ${a.series}`;
  return a.seriesKind === 'returns' ? 'Portfolio return' : `Spending: ${a.series}`;
}

/** The day's value against the typical one, as a return (percent) or an amount in the household's currency. */
export function describeValue(a: Anomaly): string {
  if (isDuplicate(a)) return `${formatMoney(a.value, a.currency)} twice from one account`;
  const show = (v: number) => (a.seriesKind === 'returns' ? formatPercent(v, undefined, 2) : formatMoney(v, a.currency));
  return `${show(a.value)} (typically ${show(a.typical)})`;
}

/** The score against the threshold; a score at the cap means the day's history had no spread at all. */
export function describeScore(a: Anomaly): string {
  if (isDuplicate(a)) return 'same payee, amount and day';
  return a.score >= 1000 ? 'its history had no spread' : `score ${a.score.toFixed(1)}, threshold ${a.threshold.toFixed(1)}`;
}

/**
 * Unusual days in the household's returns and spending that no one dismissed yet (docs/anomalies.md), part of the alerts:
 * the series, the date, the value against what was typical and the score. A read-only viewer (an advisor with a read
 * grant) sees them without the buttons.
 */
export function AnomalyAlerts({ householdId, anomalies, readOnly = false }: { householdId: string; anomalies: Anomaly[]; readOnly?: boolean }) {
  const dismiss = useDismissAnomaly(householdId);
  const scan = useScanAnomalies(householdId);
  return (
    <div className="space-y-2 text-sm" data-testid="anomaly-alerts">
      {anomalies.length === 0 ? (
        <p data-testid="anomalies-none">No unusual days in your returns or spending.</p>
      ) : (
        <ul className="space-y-2">
          {anomalies.map((a) => (
            <li key={a.id} className="rounded-md border border-rose-300 bg-rose-50 p-2 text-rose-950" data-testid="anomaly-alert" data-series={a.seriesKind}>
              <strong>{seriesName(a)}</strong> on {formatDate(a.date)}: {describeValue(a)}; {describeScore(a)}.{' '}
              {!readOnly && (
                <button type="button" className="underline" disabled={dismiss.isPending} onClick={() => dismiss.mutate(a.id)}>
                  Dismiss
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <p>
          <button type="button" className="text-brand-700 underline" disabled={scan.isPending} onClick={() => scan.mutate()}>
            {scan.isPending ? 'Scanning…' : 'Scan for unusual days now'}
          </button>
          {scan.isSuccess && <span data-testid="anomaly-scan-result"> {scan.data.detected.length === 0 ? 'Nothing new.' : `${scan.data.detected.length} new.`}</span>}
        </p>
      )}
      {dismiss.error && <ErrorMessage error={dismiss.error} />}
      {scan.error && <ErrorMessage error={scan.error} />}
    </div>
  );
}
