import type { ReactNode } from 'react';

/** A wide table's horizontal scroller on a phone: focusable and named, so keyboard users can scroll it (axe scrollable-region-focusable). */
export function ScrollArea({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
