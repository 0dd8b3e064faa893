import { render, screen } from '@testing-library/react';
import { FrontierPlot } from './FrontierPlot';

const frontier = [
  { name: 'Frontier point 1', volatility: 0.04, expectedReturn: 0.03 },
  { name: 'Frontier point 2', volatility: 0.1, expectedReturn: 0.06 },
  { name: 'Frontier point 3', volatility: 0.16, expectedReturn: 0.08 },
];

describe('FrontierPlot', () => {
  it('draws every point with a title carrying its numbers', () => {
    render(<FrontierPlot frontier={frontier} current={[{ name: 'Current holdings', volatility: 0.12, expectedReturn: 0.05 }]} target={[{ name: 'Target', volatility: 0.1, expectedReturn: 0.06 }]} />);
    const marks = screen.getAllByTestId('frontier-mark');
    expect(marks).toHaveLength(5);
    expect(marks[3]?.querySelector('title')?.textContent).toMatch(/^Current holdings: expected return 5.0\s?%, volatility 12.0\s?%$/);
    expect(screen.getByRole('img', { name: /Efficient frontier/ })).toBeInTheDocument();
  });

  it('places a riskier point further right and a higher return further up', () => {
    render(<FrontierPlot frontier={frontier} current={[]} target={[]} />);
    const circles = screen.getAllByTestId('frontier-mark').map((g) => g.querySelector('circle')!);
    const x = circles.map((c) => Number(c.getAttribute('cx')));
    const y = circles.map((c) => Number(c.getAttribute('cy')));
    expect(x[0]).toBeLessThan(x[1]!);
    expect(x[1]).toBeLessThan(x[2]!);
    expect(y[0]).toBeGreaterThan(y[1]!);
    expect(y[1]).toBeGreaterThan(y[2]!);
    // Volatility runs from 0 (the axis' left end) to a nice 20 %, so 10 % is halfway across the plot.
    expect(x[1]! - 52).toBeCloseTo((360 - 52 - 14) / 2, 6);
  });
});
