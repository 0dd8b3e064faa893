import { Suspense, type ReactNode } from 'react';

/**
 * A chart from a lazily loaded module: while the chart library arrives the slot keeps the chart's
 * size (the caller's box sets it), so nothing below moves when it draws.
 */
export function LazyChart({ children }: { children: ReactNode }) {
  return <Suspense fallback={<div className="h-full w-full" aria-hidden="true" />}>{children}</Suspense>;
}
