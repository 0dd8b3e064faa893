import { act, render, screen } from '@testing-library/react';
import { LazyChart } from './LazyChart';

/** A stand-in for the browser's IntersectionObserver (jsdom has none) that the test drives by hand. */
class FakeObserver {
  static last: FakeObserver | undefined;
  observed: Element[] = [];
  disconnected = false;
  constructor(private readonly callback: IntersectionObserverCallback, readonly options?: IntersectionObserverInit) {
    FakeObserver.last = this;
  }
  observe(element: Element) {
    this.observed.push(element);
  }
  disconnect() {
    this.disconnected = true;
  }
  fire(isIntersecting: boolean) {
    const entries = this.observed.map((target) => ({ target, isIntersecting }) as IntersectionObserverEntry);
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

describe('LazyChart', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeObserver.last = undefined;
  });

  it('draws at once by default', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    render(<LazyChart><p>chart</p></LazyChart>);
    expect(screen.getByText('chart')).toBeInTheDocument();
    expect(FakeObserver.last).toBeUndefined();
  });

  it('with whenVisible, holds the empty box until a quarter of it is on screen, then keeps the chart', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    render(<LazyChart whenVisible><p>chart</p></LazyChart>);
    expect(screen.queryByText('chart')).toBeNull();
    const observer = FakeObserver.last!;
    expect(observer.options?.threshold).toBe(0.25);
    act(() => observer.fire(false));
    expect(screen.queryByText('chart')).toBeNull();
    act(() => observer.fire(true));
    expect(screen.getByText('chart')).toBeInTheDocument();
    expect(observer.disconnected).toBe(true);
  });

  it('with whenVisible but no IntersectionObserver, draws at once', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    render(<LazyChart whenVisible><p>chart</p></LazyChart>);
    expect(screen.getByText('chart')).toBeInTheDocument();
  });
});
