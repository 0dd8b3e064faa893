import type { Me } from '../api/types';
import { humanize } from '../lib/format';

/** The signed-in user as GET /api/v1/me describes them. */
export function ProfileSection({ me }: { me: Me }) {
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]" data-testid="profile">
      <dt className="text-slate-600">E-mail</dt>
      <dd className="font-medium">
        {me.email} {me.emailConfirmed ? '' : <span className="text-amber-800">(not confirmed yet)</span>}
      </dd>
      <dt className="text-slate-600">Roles</dt>
      <dd>{me.roles.map(humanize).join(', ')}</dd>
      <dt className="text-slate-600">Two-factor sign-in</dt>
      <dd>{me.mfaEnabled ? 'On' : 'Off'}</dd>
    </dl>
  );
}
