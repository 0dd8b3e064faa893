import { deleteConfirmed, exportFileName } from './deleteAccount';
import { grantSchema } from './grantSchema';
import { rolesOf } from '../auth/roles';

describe('account deletion confirmation', () => {
  it('needs the exact e-mail address, ignoring case and outer spaces', () => {
    expect(deleteConfirmed(' Ana@Example.com ', 'ana@example.com')).toBe(true);
    expect(deleteConfirmed('ana@example.co', 'ana@example.com')).toBe(false);
    expect(deleteConfirmed('', '')).toBe(false);
  });

  it('names the export after the day it was taken', () => {
    expect(exportFileName(new Date('2026-03-04T23:00:00Z'))).toBe('glidepath-export-2026-03-04.json');
  });
});

describe('grant form', () => {
  it('takes a trimmed e-mail address and refuses anything else', () => {
    expect(grantSchema.parse({ advisorEmail: ' adv@example.com ' })).toEqual({ advisorEmail: 'adv@example.com' });
    expect(grantSchema.safeParse({ advisorEmail: 'adv' }).success).toBe(false);
  });
});

describe('rolesOf', () => {
  const token = (payload: object) => `h.${btoa(JSON.stringify(payload)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.s`;
  const session = (accessToken: string) => ({ accessToken, refreshToken: 'r', expiresAt: 0 });

  it('reads one or several role claims from the access token', () => {
    expect(rolesOf(session(token({ role: 'user' })))).toEqual(['user']);
    expect(rolesOf(session(token({ role: ['user', 'advisor'] })))).toEqual(['user', 'advisor']);
  });

  it('answers no roles for no session or a token it cannot read', () => {
    expect(rolesOf(null)).toEqual([]);
    expect(rolesOf(session('garbage'))).toEqual([]);
    expect(rolesOf(session('a.!!!.b'))).toEqual([]);
  });
});
