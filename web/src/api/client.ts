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

// Re-exported for the pages that call both; the sign-in page imports it from ./rawJson to stay off openapi-fetch.
export { rawJson } from './rawJson';
