import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../api/problem';

/**
 * `className` reserves the space of what is loading (a chart's height, a card's rows): content that
 * arrives later then fills the space instead of pushing the rest of the page down (layout shift).
 */
export function Loading({ label = 'Loading…', className = '' }: { label?: string; className?: string }) {
  return (
    <p role="status" aria-live="polite" className={`text-sm text-slate-600 ${className}`}>
      {label}
    </p>
  );
}

export function ErrorMessage({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : undefined;
  const fields = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
  const items = error instanceof ApiError ? error.items : [];
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      <p className="font-semibold">{title}</p>
      <p>{message}</p>
      {(fields.length > 0 || items.length > 0) && (
        <ul className="mt-1 list-disc pl-5">
          {fields.map(([field, messages]) => (
            <li key={field}>
              <span className="font-mono">{field}</span>: {messages.join(' ')}
            </li>
          ))}
          {items.map((item, i) => (
            <li key={i}>
              {item.row != null ? `Row ${item.row}: ` : ''}
              {item.message}
            </li>
          ))}
        </ul>
      )}
      {code && <p className="mt-1 font-mono text-xs">code: {code}</p>}
    </div>
  );
}

/** Loading and error states for one query; renders `children(data)` once the data is there. */
export function QueryView<T>({ query, children, loadingLabel, loadingClassName }: { query: UseQueryResult<T>; children: (data: T) => ReactNode; loadingLabel?: string; loadingClassName?: string }) {
  if (query.isPending) return <Loading label={loadingLabel} className={loadingClassName} />;
  if (query.isError) return <ErrorMessage error={query.error} title="Could not load this" />;
  return <>{children(query.data)}</>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">{children}</p>;
}
