// zod/mini, not zod: every page with a guarded action (the portfolio page's rebalance among them) loads this
// module on its first paint, and the full zod was some 40 KiB (brotli) of those pages' scripts.
import * as z from 'zod/mini';
import { rawJson } from '../api/client';
import { ApiError } from '../api/problem';
import { saveSession, toSession, type TokenResponse } from './session';

/** True for the server's 403 `step-up-required`: the action needs a second factor from the last few minutes. */
export function isStepUpRequired(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.code === 'step-up-required';
}

/** Thrown by a step-up-guarded action when the user closes the dialog instead of giving a code. */
export class StepUpCancelled extends Error {
  constructor() {
    super('Cancelled: the action needs a code from your authenticator app.');
    this.name = 'StepUpCancelled';
  }
}

/** A six-digit authenticator code, or (with `recovery`) one of the one-time recovery codes. */
export const stepUpSchema = z.discriminatedUnion('recovery', [
  z.object({ recovery: z.literal(false), code: z.string().check(z.trim(), z.regex(/^\d{6}$/, 'Six digits')) }),
  z.object({
    recovery: z.literal(true),
    code: z.string().check(z.trim(), z.minLength(6, 'Enter one of your recovery codes'), z.maxLength(64, 'Too long for a recovery code')),
  }),
]);
export type StepUpForm = z.infer<typeof stepUpSchema>;

/** POST /api/v1/me/step-up: trades a fresh code for tokens that carry it, and keeps them as the session. */
export async function stepUp(form: StepUpForm): Promise<void> {
  const body = form.recovery ? { recoveryCode: form.code.trim() } : { totpCode: form.code.trim() };
  const tokens = await rawJson<TokenResponse>('/api/v1/me/step-up', { method: 'POST', body: JSON.stringify(body) });
  saveSession(toSession(tokens));
}
