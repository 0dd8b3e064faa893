import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { OptimizeResponse } from '../api/types';
import { formatPercent } from '../lib/format';
import { palette } from '../components/charts';

interface Point {
  name: string;
  volatility: number;
  expectedReturn: number;
}

/**
 * The efficient frontier (annualised volatility against expected return, as the server computed
 * it) with the current and target portfolios, evaluated by the server under the same assumptions.
 */
export function FrontierChart({ result, labels }: { result: OptimizeResponse; labels: { current?: string; target?: string } }) {
  const frontier: Point[] = result.portfolios.map((p, i) => ({ name: `Frontier point ${i + 1}`, volatility: p.volatility, expectedReturn: p.expectedReturn }));
  const byName = new Map(result.evaluated.map((e) => [e.name, e]));
  const marked = (name: string | undefined): Point[] => {
    const e = name ? byName.get(name) : undefined;
    return e ? [{ name: e.name, volatility: e.volatility, expectedReturn: e.expectedReturn }] : [];
  };
  const current = marked(labels.current);
  const target = marked(labels.target);
  const pct = (v: number) => formatPercent(v, undefined, 0);
  return (
    <figure>
      <div className="h-72 w-full" data-testid="frontier-chart">
        <ResponsiveContainer>
          <ScatterChart margin={{ left: 8, right: 16, bottom: 16 }}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis type="number" dataKey="volatility" name="Volatility" tickFormatter={pct} domain={[0, 'auto']} label={{ value: 'Volatility (annual)', position: 'insideBottom', offset: -10 }} />
            <YAxis type="number" dataKey="expectedReturn" name="Expected return" tickFormatter={pct} width={56} domain={['auto', 'auto']} />
            <Tooltip
              formatter={(v, name) => [formatPercent(Number(v)), String(name)]}
              labelFormatter={() => ''}
            />
            <Legend verticalAlign="top" />
            <Scatter name="Efficient frontier" data={frontier} fill={palette[0]} line={{ stroke: palette[0], strokeWidth: 2 }} isAnimationActive={false} />
            {current.length > 0 && <Scatter name="Current" data={current} fill={palette[1]} shape="diamond" isAnimationActive={false} />}
            {target.length > 0 && <Scatter name="Target" data={target} fill={palette[2]} shape="star" isAnimationActive={false} />}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <table className="table mt-2" data-testid="frontier-points">
          <caption className="sr-only">Expected return and volatility of the marked portfolios</caption>
          <thead>
            <tr>
              <th scope="col">Portfolio</th>
              <th scope="col" className="num">Expected return</th>
              <th scope="col" className="num">Volatility</th>
            </tr>
          </thead>
          <tbody>
            {[...current, ...target].map((p) => (
              <tr key={p.name}>
                <th scope="row" className="font-normal">
                  {p.name}
                </th>
                <td className="num">{formatPercent(p.expectedReturn)}</td>
                <td className="num">{formatPercent(p.volatility)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" className="font-normal">
                Frontier ({frontier.length} points)
              </th>
              <td className="num">
                {formatPercent(frontier[0]?.expectedReturn)} – {formatPercent(frontier.at(-1)?.expectedReturn)}
              </td>
              <td className="num">
                {formatPercent(frontier[0]?.volatility)} – {formatPercent(frontier.at(-1)?.volatility)}
              </td>
            </tr>
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
