/**
 * Runs the latest input only: each `schedule` restarts a quiet-period timer (debounce), and a run
 * that starts aborts the one still in flight (its AbortSignal fires), so a slow answer to an old
 * input can never replace the answer to a newer one. Framework-free, so the timing is unit-tested.
 */
export interface LatestOnly<T> {
  schedule(input: T): void;
  /** Drops the pending input and aborts the run in flight (unmount). */
  cancel(): void;
}

export interface LatestOnlyHandlers<T, R> {
  run: (input: T, signal: AbortSignal) => Promise<R>;
  onStart?: () => void;
  onResult: (result: R) => void;
  onError: (error: unknown) => void;
}

export function latestOnly<T, R>(delayMs: number, handlers: LatestOnlyHandlers<T, R>): LatestOnly<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  const abort = () => {
    inFlight?.abort();
    inFlight = undefined;
  };
  return {
    schedule(input) {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        abort();
        const controller = new AbortController();
        inFlight = controller;
        handlers.onStart?.();
        handlers.run(input, controller.signal).then(
          (result) => {
            if (controller.signal.aborted) return;
            inFlight = undefined;
            handlers.onResult(result);
          },
          (error: unknown) => {
            if (controller.signal.aborted) return;
            inFlight = undefined;
            handlers.onError(error);
          },
        );
      }, delayMs);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      abort();
    },
  };
}
