import { ApiError, toProblem } from './problem';
import { loadSession } from '../auth/session';

// Apart from client.ts (openapi-fetch and its typed client) so the sign-in page and the app's frame,
// which need only this, do not load them (docs/web.md, "Bundle budget").

/** For endpoints the OpenAPI document does not describe yet (e.g. /auth before it is merged). */
export async function rawJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const session = loadSession();
  if (session && !headers.has('Authorization')) headers.set('Authorization', `Bearer ${session.accessToken}`);
  const res = await fetch(path, { ...init, headers });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  if (!res.ok) throw new ApiError(toProblem(res.status, body));
  return body as T;
}
