/**
 * A stand-in for the server in component tests: answers fetch by method and path (regexps over
 * `METHOD /path?query`) and records every call. Works for openapi-fetch (a Request) and rawJson (a path and init).
 */
export interface Call {
  method: string;
  url: string;
  body: string | undefined;
  headers: Headers;
}

export type Route = [RegExp, (call: Call) => { status?: number; body?: unknown } | undefined];

export function fetchRoutes(routes: Route[]): { calls: Call[]; fetch: typeof fetch } {
  const calls: Call[] = [];
  const fake = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    const raw = request ? request.url : String(input);
    const url = new URL(raw, 'http://localhost');
    const method = (request?.method ?? init?.method ?? 'GET').toUpperCase();
    const body = request ? (request.body ? await request.text() : undefined) : typeof init?.body === 'string' ? init.body : undefined;
    const call: Call = { method, url: url.pathname + url.search, body, headers: new Headers(request?.headers ?? init?.headers) };
    calls.push(call);
    for (const [pattern, answer] of routes) {
      if (pattern.test(`${method} ${call.url}`)) {
        const a = answer(call) ?? {};
        const status = a.status ?? 200;
        if (status === 204) return new Response(null, { status });
        const isProblem = status >= 400;
        return new Response(JSON.stringify(a.body ?? null), { status, headers: { 'Content-Type': isProblem ? 'application/problem+json' : 'application/json' } });
      }
    }
    return new Response(JSON.stringify({ status: 404, title: 'no route in the test', code: 'test-no-route' }), { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
  };
  return { calls, fetch: fake as typeof fetch };
}
