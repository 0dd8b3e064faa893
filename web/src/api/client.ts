import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, toProblem } from './problem';
import { loadSession, needsRefresh, saveSession, toSession, type TokenResponse } from '../auth/session';

/** Typed client for the server's API; the types come from its OpenAPI document (src/api/schema.d.ts). */
// fetch is looked up on each call (not captured once), so a test can stub globalThis.fetch.
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? 'http://127.0.0.1', fetch: (request) => globalThis.fetch(request) });

let refreshing: Promise<string | null> | null = null;

/** Swaps the refresh token for a new pair (POST /auth/refresh); null when the server refuses it. */
async function refreshAccessToken(): Promise<string | null> {
  const session = loadSession();
  if (!session) return null;
  refreshing ??= (async () => {
    try {
      const res = await fetch('/auth/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      });
      if (!res.ok) {
        saveSession(null);
        return null;
      }
      const next = toSession((await res.json()) as TokenResponse);
      saveSession(next);
      return next.accessToken;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** The access token to send now, refreshed first when it is about to expire; null when signed out. */
export async function currentAccessToken(): Promise<string | null> {
  let session = loadSession();
  if (session && needsRefresh(session)) {
    await refreshAccessToken();
    session = loadSession();
  }
  return session?.accessToken ?? null;
}

const auth: Middleware = {
  async onRequest({ request }) {
    const token = await currentAccessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ response }) {
    // A 401 means the session is gone: forget it, and the router sends the user to sign in.
    if (response.status === 401 && loadSession()) saveSession(null);
    return response;
  },
};

api.use(auth);

/** The data of a successful call, or an ApiError carrying the server's problem details. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(toProblem(response.status, error));
  return data as T;
}

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
