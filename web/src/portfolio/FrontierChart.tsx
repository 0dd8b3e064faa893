import type { OptimizeResponse } from '../api/types';
import { formatPercent } from '../lib/format';
import { FrontierPlot, type FrontierPoint } from './FrontierPlot';

/**
 * The efficient frontier (annualised volatility against expected return, as the server computed
 * it) with the current and target portfolios, evaluated by the server under the same assumptions.
 */
export function FrontierChart({ result, labels }: { result: OptimizeResponse; labels: { current?: string; target?: string } }) {
  const frontier: FrontierPoint[] = result.portfolios.map((p, i) => ({ name: `Frontier point ${i + 1}`, volatility: p.volatility, expectedReturn: p.expectedReturn }));
  const byName = new Map(result.evaluated.map((e) => [e.name, e]));
  const marked = (name: string | undefined): FrontierPoint[] => {
    const e = name ? byName.get(name) : undefined;
    return e ? [{ name: e.name, volatility: e.volatility, expectedReturn: e.expectedReturn }] : [];
  };
  const current = marked(labels.current);
  const target = marked(labels.target);
  return (
    <figure>
      <div className="h-72 w-full" data-testid="frontier-chart">
        <FrontierPlot frontier={frontier} current={current} target={target} />
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
