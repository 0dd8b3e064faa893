/**
 * The signed-in session: the bearer tokens the server's /auth endpoints hand out. Kept in
 * localStorage so a reload stays signed in; cleared on sign-out or when a refresh is refused.
 */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token stops being accepted. */
  expiresAt: number;
}

export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  /** Seconds. */
  expiresIn: number;
}

const key = 'glidepath.session';
const listeners = new Set<(s: Session | null) => void>();

export function toSession(tokens: TokenResponse, now: number = Date.now()): Session {
  return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: now + tokens.expiresIn * 1000 };
}

export function loadSession(): Session | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<Session>;
    return typeof s.accessToken === 'string' && typeof s.refreshToken === 'string' && typeof s.expiresAt === 'number'
      ? { accessToken: s.accessToken, refreshToken: s.refreshToken, expiresAt: s.expiresAt }
      : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(key, JSON.stringify(session));
  else localStorage.removeItem(key);
  listeners.forEach((l) => l(session));
}

export function onSessionChange(listener: (s: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True when the access token expires within `marginMs` and should be refreshed first. */
export function needsRefresh(session: Session, now: number = Date.now(), marginMs = 30_000): boolean {
  return session.expiresAt - now < marginMs;
}
