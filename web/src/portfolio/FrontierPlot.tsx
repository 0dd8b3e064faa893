import { useLayoutEffect, useRef, useState } from 'react';
import { formatPercent } from '../lib/format';
import { niceTicks, palette } from '../components/charts';

export interface FrontierPoint {
  name: string;
  volatility: number;
  expectedReturn: number;
}

/** Room for the legend above, the y-axis labels left and the x-axis labels and title below. */
const margin = { left: 52, right: 14, top: 30, bottom: 40 };

/** The size of the box the plot fills, measured before the first paint and kept up to date. */
function useBoxSize() {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      const { width, height } = element.getBoundingClientRect();
      // jsdom lays nothing out: draw at a phone's width rather than not at all.
      setSize({ width: width || 360, height: height || 288 });
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { box, size };
}

function Marker({ kind, x, y, color }: { kind: 'circle' | 'diamond' | 'star'; x: number; y: number; color: string }) {
  if (kind === 'circle') return <circle cx={x} cy={y} r={4} fill={color} />;
  if (kind === 'diamond') return <path d={`M${x} ${y - 7}L${x + 7} ${y}L${x} ${y + 7}L${x - 7} ${y}Z`} fill={color} />;
  const points = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? 8 : 3.5;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    return `${(x + r * Math.cos(a)).toFixed(1)},${(y + r * Math.sin(a)).toFixed(1)}`;
  });
  return <polygon points={points.join(' ')} fill={color} />;
}

/** Where the i-th legend entry starts: after the marks and names before it (about 6.5 px a character). */
function legendOffset(series: { name: string }[], i: number) {
  return series.slice(0, i).reduce((x, s) => x + s.name.length * 6.5 + 32, 0);
}

/**
 * The frontier's scatter with the marked portfolios, drawn as plain SVG: a chart library's render was
 * the portfolio page's longest task on a phone (bench/README.md, issue 23), and a line, a few points and
 * two axes do not need one. Each mark's tooltip is its SVG title; the figure's table carries the numbers.
 */
export function FrontierPlot({ frontier, current, target }: { frontier: FrontierPoint[]; current: FrontierPoint[]; target: FrontierPoint[] }) {
  const { box, size } = useBoxSize();
  const all = [...frontier, ...current, ...target];
  const xTicks = niceTicks(0, Math.max(...all.map((p) => p.volatility), 0.01));
  const yTicks = niceTicks(Math.min(...all.map((p) => p.expectedReturn)), Math.max(...all.map((p) => p.expectedReturn)));
  const pct = (v: number) => formatPercent(v, undefined, 0);
  const tip = (p: FrontierPoint) => `${p.name}: expected return ${formatPercent(p.expectedReturn)}, volatility ${formatPercent(p.volatility)}`;
  const series = [
    { name: 'Efficient frontier', points: frontier, kind: 'circle' as const, color: palette[0]! },
    { name: 'Current', points: current, kind: 'diamond' as const, color: palette[1]! },
    { name: 'Target', points: target, kind: 'star' as const, color: palette[2]! },
  ].filter((s) => s.points.length > 0);

  let plot = null;
  if (size) {
    const { width, height } = size;
    const [x0, x1] = [xTicks[0]!, xTicks.at(-1)!];
    const [y0, y1] = [yTicks[0]!, yTicks.at(-1)!];
    const sx = (v: number) => margin.left + ((v - x0) / (x1 - x0)) * (width - margin.left - margin.right);
    const sy = (v: number) => height - margin.bottom - ((v - y0) / (y1 - y0)) * (height - margin.top - margin.bottom);
    const line = frontier.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.volatility).toFixed(1)} ${sy(p.expectedReturn).toFixed(1)}`).join('');
    plot = (
      <svg width={width} height={height} role="img" aria-label="Efficient frontier: expected return against annual volatility, with the current and target portfolios (the table below lists them)" className="text-xs">
        <g stroke="#e2e8f0">
          {xTicks.map((t) => <line key={`x${t}`} x1={sx(t)} x2={sx(t)} y1={margin.top} y2={height - margin.bottom} />)}
          {yTicks.map((t) => <line key={`y${t}`} x1={margin.left} x2={width - margin.right} y1={sy(t)} y2={sy(t)} />)}
        </g>
        <g fill="#475569">
          {xTicks.map((t) => <text key={`xl${t}`} x={sx(t)} y={height - margin.bottom + 16} textAnchor="middle">{pct(t)}</text>)}
          {yTicks.map((t) => <text key={`yl${t}`} x={margin.left - 6} y={sy(t) + 4} textAnchor="end">{pct(t)}</text>)}
          <text x={(margin.left + width - margin.right) / 2} y={height - 4} textAnchor="middle">Volatility (annual)</text>
        </g>
        <g transform={`translate(${margin.left}, 12)`} fill="#334155">
          {series.map((s, i) => (
            <g key={s.name} transform={`translate(${legendOffset(series, i)}, 0)`}>
              <Marker kind={s.kind} x={6} y={0} color={s.color} />
              <text x={18} y={4}>{s.name}</text>
            </g>
          ))}
        </g>
        <path d={line} fill="none" stroke={palette[0]} strokeWidth={2} />
        {series.map((s) =>
          s.points.map((p) => (
            <g key={`${s.name}-${p.name}`} data-testid="frontier-mark">
              <title>{tip(p)}</title>
              <Marker kind={s.kind} x={sx(p.volatility)} y={sy(p.expectedReturn)} color={s.color} />
            </g>
          )),
        )}
      </svg>
    );
  }
  return (
    <div ref={box} className="h-full w-full">
      {plot}
    </div>
  );
}
