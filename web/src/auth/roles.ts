import type { Session } from './session';

/**
 * The roles named in the access token (its `role` claims), read without checking the signature:
 * only to choose what to show (the Advisor link). The server checks every call itself.
 */
export function rolesOf(session: Session | null): string[] {
  if (!session) return [];
  const payload = session.accessToken.split('.')[1];
  if (!payload) return [];
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const role = (JSON.parse(json) as { role?: unknown }).role;
    if (typeof role === 'string') return [role];
    return Array.isArray(role) ? role.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}
