import { useEffect, useMemo, useState } from 'react';
import { api, unwrap } from '../api/client';
import { latestOnly } from './latestOnly';
import { simulationOutput, type SimulationOutput } from './results';

/** Paths of a live preview: enough for a steady percentage, small enough to answer while the user types. */
export const PREVIEW_PATHS = 10_000;

/** Quiet period after the last change before the preview runs. */
export const PREVIEW_DEBOUNCE_MS = 300;

export type PreviewState =
  | { status: 'idle' }
  | { status: 'running'; last?: SimulationOutput }
  | { status: 'done'; output: SimulationOutput }
  | { status: 'error'; error: unknown; last?: SimulationOutput };

/**
 * Live what-if: simulates `scenario` (the plan as edited, unsaved) through POST …/preview each time it
 * changes, debounced, without the queue; a newer edit aborts the request still in flight.
 * `scenario` null (the form is invalid) keeps the last answer.
 */
export function usePlanPreview(householdId: string, planId: string, scenario: unknown): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const runner = useMemo(
    () =>
      latestOnly<unknown, SimulationOutput>(PREVIEW_DEBOUNCE_MS, {
        run: async (body, signal) =>
          simulationOutput.parse(
            await unwrap(
              api.POST('/api/v1/households/{householdId}/plans/{planId}/preview', {
                params: { path: { householdId, planId } },
                body: { scenario: body, paths: PREVIEW_PATHS, seed: null },
                signal,
              }),
            ),
          ),
        onStart: () => setState((s) => ({ status: 'running', last: s.status === 'done' ? s.output : s.status === 'idle' ? undefined : s.last })),
        onResult: (output) => setState({ status: 'done', output }),
        onError: (error) => setState((s) => ({ status: 'error', error, last: s.status === 'done' ? s.output : s.status === 'idle' ? undefined : s.last })),
      }),
    [householdId, planId],
  );
  useEffect(() => () => runner.cancel(), [runner]);
  const key = scenario === null ? null : JSON.stringify(scenario);
  useEffect(() => {
    if (key !== null) runner.schedule(JSON.parse(key));
  }, [key, runner]);
  return state;
}
