import { type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { clockTime } from '../advisors/time';
import { hoursText, parseHours } from './hours';

const SPECIALITIES = ['retirement', 'tax', 'estate', 'investing', 'insurance', 'debt', 'education', 'budgeting'];
const FEE_MODELS = ['flat', 'hourly', 'aum', 'retainer'];
const keys = { profile: ['advisor', 'profile'] as const, availability: ['advisor', 'availability'] as const, consultations: ['advisor', 'consultations'] as const };

/** The advisor's own profile and weekly hours (docs/advisors.md); clients see the profile once an admin verified it. */
export function ProfileSection() {
  const client = useQueryClient();
  const profile = useQuery({
    queryKey: keys.profile,
    queryFn: async () => {
      const { data, response } = await api.GET('/api/v1/advisor/profile');
      return response.status === 404 ? null : (data ?? null);
    },
  });
  const availability = useQuery({
    queryKey: keys.availability,
    queryFn: async () => {
      const { data, response } = await api.GET('/api/v1/advisor/availability');
      return response.status === 404 ? null : (data ?? null);
    },
  });
  const save = useMutation({
    mutationFn: async (v: { profile: Parameters<typeof saveProfile>[0]; hours: string }) => {
      await saveProfile(v.profile);
      return unwrap(api.PUT('/api/v1/advisor/availability', { body: { weekly: parseHours(v.hours), exceptions: availability.data?.exceptions ?? [] } }));
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['advisor'] }),
  });
  if (profile.isPending || availability.isPending) return <p role="status">Loading your profile…</p>;
  const p = profile.data;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (name: string) => String(f.get(name) ?? '').trim();
    save.mutate({
      profile: {
        displayName: text('displayName'),
        specialities: SPECIALITIES.filter((s) => f.get(`speciality-${s}`) === 'on'),
        credentials: text('credentials'),
        languages: text('languages').split(/[\s,]+/).filter(Boolean),
        timeZone: text('timeZone'),
        feeModel: text('feeModel'),
        feeNote: text('feeNote'),
        bio: text('bio'),
        slotMinutes: Number(text('slotMinutes')) || 60,
      },
      hours: text('hours'),
    });
  };
  return (
    <section className="card space-y-2" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Your advisor profile</h2>
      <p className="text-sm" data-testid="verification">
        {p ? (p.verified ? 'Verified: clients can find and book you.' : 'Waiting for an administrator to verify it; clients do not see you yet.') : 'No profile yet.'}
      </p>
      {save.isError && <ErrorMessage error={save.error} title="The profile was not saved" />}
      {save.isSuccess && <p role="status">Saved.</p>}
      <form className="grid gap-2 text-sm sm:grid-cols-2" onSubmit={onSubmit}>
        <label>
          Name <input name="displayName" required maxLength={200} defaultValue={p?.displayName ?? ''} />
        </label>
        <fieldset>
          <legend>Specialities</legend>
          {SPECIALITIES.map((s) => (
            <label key={s} className="mr-2">
              <input type="checkbox" name={`speciality-${s}`} defaultChecked={p?.specialities.includes(s)} /> {s}
            </label>
          ))}
        </fieldset>
        <label>
          Credentials <input name="credentials" maxLength={2000} defaultValue={p?.credentials ?? ''} />
        </label>
        <label>
          Languages (ISO codes) <input name="languages" defaultValue={p?.languages.join(', ') ?? 'en'} />
        </label>
        <label>
          Time zone <input name="timeZone" defaultValue={p?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone} />
        </label>
        <label>
          Fee model{' '}
          <select name="feeModel" defaultValue={p?.feeModel ?? 'hourly'}>
            {FEE_MODELS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label>
          Fee <input name="feeNote" maxLength={200} defaultValue={p?.feeNote ?? ''} />
        </label>
        <label>
          Minutes a consultation <input name="slotMinutes" type="number" min={15} max={240} defaultValue={p?.slotMinutes ?? 60} />
        </label>
        <label className="sm:col-span-2">
          About you <textarea name="bio" maxLength={4000} rows={3} defaultValue={p?.bio ?? ''} />
        </label>
        <label className="sm:col-span-2">
          Weekly hours in your time zone, one window a line (<code>monday 09:00-12:00</code>)
          <textarea name="hours" rows={5} defaultValue={availability.data ? hoursText(availability.data.weekly) : 'monday 09:00-17:00'} />
        </label>
        <button type="submit" className="btn sm:col-span-2" disabled={save.isPending}>
          Save profile and hours
        </button>
      </form>
    </section>
  );
}

async function saveProfile(body: {
  displayName: string;
  specialities: string[];
  credentials: string;
  languages: string[];
  timeZone: string;
  feeModel: string;
  feeNote: string;
  bio: string;
  slotMinutes: number;
}) {
  return unwrap(api.PUT('/api/v1/advisor/profile', { body }));
}

/** The consultations clients booked with the advisor, on the advisor's clock. */
export function AdvisorConsultationsSection() {
  const list = useQuery({ queryKey: keys.consultations, queryFn: () => unwrap(api.GET('/api/v1/advisor/consultations')) });
  return (
    <section className="card" aria-labelledby="advisor-consultations-heading">
      <h2 id="advisor-consultations-heading" className="mb-2">
        Your consultations
      </h2>
      <QueryView query={list} loadingLabel="Loading consultations…">
        {(all) =>
          all.length === 0 ? (
            <Empty>No consultation booked yet.</Empty>
          ) : (
            <ul className="text-sm" data-testid="advisor-consultations">
              {all.map((c) => (
                <li key={c.id}>
                  {clockTime(c.startUtc, c.advisorTimeZone)} ({c.advisorTimeZone}) · {c.status}
                  {c.need ? ` · ${c.need}` : ''} · the client sees {clockTime(c.startUtc, c.timeZone)} ({c.timeZone})
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}
