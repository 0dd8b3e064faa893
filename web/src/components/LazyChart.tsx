import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A chart from a lazily loaded module: while the chart library arrives the slot keeps the chart's
 * size (the caller's box sets it), so nothing below moves when it draws.
 *
 * `whenVisible`: the chart is not rendered (nor its module fetched) until a quarter of its box is on
 * screen. Drawing a chart is the largest piece of main-thread work on the dashboard and the
 * portfolio page (one long task each, ~100 ms on a phone), so a chart below the fold waits for the
 * scroll that brings it into view; once drawn it stays (docs/web.md, "Charts load after the page").
 */
export function LazyChart({ children, whenVisible = false }: { children: ReactNode; whenVisible?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  // Without IntersectionObserver (jsdom in the unit tests, old browsers) the chart draws at once.
  const [shown, setShown] = useState(() => !whenVisible || typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = box.current;
    if (shown || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          setShown(true);
        }
      },
      { threshold: 0.25 },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown]);
  const slot = <div className="h-full w-full" aria-hidden="true" />;
  if (!shown) return <div ref={box} className="h-full w-full" aria-hidden="true" />;
  return <Suspense fallback={slot}>{children}</Suspense>;
}
