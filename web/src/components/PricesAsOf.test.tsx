import { render, screen } from '@testing-library/react';
import { PricesAsOf } from './PricesAsOf';

describe('PricesAsOf', () => {
  it('shows the date of the prices, and no warning when they are fresh', () => {
    render(<PricesAsOf date="2026-12-04" stale={false} />);
    expect(screen.getByTestId('prices-as-of').textContent).toBe('Prices as of Dec 4, 2026');
    expect(screen.queryByText('stale')).toBeNull();
  });

  it('marks stale prices', () => {
    render(<PricesAsOf date="2026-11-20" stale />);
    expect(screen.getByText('stale')).toBeTruthy();
    expect(screen.getByTestId('prices-as-of').textContent).toContain('more than five trading days old');
  });

  it('shows nothing without holdings', () => {
    const { container } = render(<PricesAsOf date={null} stale={false} />);
    expect(container.textContent).toBe('');
  });
});
