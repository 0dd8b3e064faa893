import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { latestOnly } from './latestOnly';

/** A run whose answer the test releases by hand, recording the signal it was given. */
function controllable() {
  const calls: { input: number; signal: AbortSignal; resolve: (r: string) => void }[] = [];
  const run = (input: number, signal: AbortSignal) => new Promise<string>((resolve) => calls.push({ input, signal, resolve }));
  return { calls, run };
}

describe('latestOnly', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, with the last input, after the quiet period', async () => {
    const { calls, run } = controllable();
    const onResult = vi.fn();
    const runner = latestOnly(300, { run, onResult, onError: vi.fn() });
    runner.schedule(1);
    vi.advanceTimersByTime(200);
    runner.schedule(2);
    vi.advanceTimersByTime(200);
    runner.schedule(3);
    vi.advanceTimersByTime(299);
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(calls.map((c) => c.input)).toEqual([3]);
    calls[0]!.resolve('three');
    await vi.runAllTimersAsync();
    expect(onResult).toHaveBeenCalledExactlyOnceWith('three');
  });

  it('aborts the run in flight when a newer one starts, and drops its late answer', async () => {
    const { calls, run } = controllable();
    const onResult = vi.fn();
    const runner = latestOnly(300, { run, onResult, onError: vi.fn() });
    runner.schedule(1);
    vi.advanceTimersByTime(300);
    runner.schedule(2);
    vi.advanceTimersByTime(300);
    expect(calls.map((c) => [c.input, c.signal.aborted])).toEqual([
      [1, true],
      [2, false],
    ]);
    calls[1]!.resolve('two');
    calls[0]!.resolve('one (late)');
    await vi.runAllTimersAsync();
    expect(onResult).toHaveBeenCalledExactlyOnceWith('two');
  });

  it('cancel drops the pending input and aborts the run in flight; errors of aborted runs are not reported', async () => {
    const onError = vi.fn();
    const signals: AbortSignal[] = [];
    const run = (_: number, signal: AbortSignal) =>
      new Promise<string>((_resolve, reject) => {
        signals.push(signal);
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const runner = latestOnly(300, { run, onResult: vi.fn(), onError });
    runner.schedule(1);
    vi.advanceTimersByTime(300);
    runner.schedule(2);
    runner.cancel();
    vi.advanceTimersByTime(1000);
    await vi.runAllTimersAsync();
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
    expect(onError).not.toHaveBeenCalled();
  });

  it('reports the error of the latest run', async () => {
    const onError = vi.fn();
    const runner = latestOnly(10, { run: () => Promise.reject(new Error('422')), onResult: vi.fn(), onError });
    runner.schedule(1);
    await vi.runAllTimersAsync();
    expect(onError).toHaveBeenCalledOnce();
  });
});
