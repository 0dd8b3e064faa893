import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Household } from '../api/types';
import { useHouseholdId } from '../household/HouseholdLayout';
import { keys, useHousehold } from '../household/queries';
import { householdSchema, type HouseholdForm } from '../household/householdSchema';
import { ErrorMessage, Loading, QueryView } from '../components/DataState';
import { Field } from '../components/Field';
import { formatDate } from '../lib/format';
import { MfaSettings } from '../auth/MfaSettings';
import { useMe } from '../settings/queries';
import { ProfileSection } from '../settings/ProfileSection';
import { SessionsSection } from '../settings/SessionsSection';
import { AdvisorGrantsSection } from '../settings/AdvisorGrantsSection';
import { FxRatesSection } from '../settings/FxRatesSection';
import { PrivacySection } from '../settings/PrivacySection';
import { PeopleSection } from '../settings/PeopleSection';
import { useClientHousehold } from '../advisor/queries';

export function SettingsPage() {
  const householdId = useHouseholdId();
  const household = useHousehold(householdId);
  const me = useMe();
  // An advisor looking at a client's household sees its settings but cannot manage its grants.
  const { client, pending: clientPending } = useClientHousehold(householdId);
  return (
    <>
      <h1>Settings</h1>
      <section className="card" aria-labelledby="me-heading">
        <h2 id="me-heading" className="mb-2">
          Profile
        </h2>
        <QueryView query={me}>{(m) => <ProfileSection me={m} />}</QueryView>
      </section>
      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading" className="mb-2">
          Household
        </h2>
        <QueryView query={household}>{(h) => <HouseholdSettings key={h.version} household={h} />}</QueryView>
      </section>
      <section className="card" aria-labelledby="people-heading">
        <h2 id="people-heading" className="mb-2">
          People
        </h2>
        <PeopleSection householdId={householdId} />
      </section>
      <section className="card" aria-labelledby="security-heading">
        <h2 id="security-heading" className="mb-2">
          Security
        </h2>
        <QueryView query={me}>{(m) => <MfaSettings enabled={m.mfaEnabled} />}</QueryView>
      </section>
      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="mb-2">
          Sessions
        </h2>
        <SessionsSection />
      </section>
      <section className="card" aria-labelledby="grants-heading">
        <h2 id="grants-heading" className="mb-2">
          Advisor access
        </h2>
        {clientPending ? (
          <Loading />
        ) : client ? (
          <p className="text-sm text-slate-700">You see this household as its advisor; only its owner grants and revokes access.</p>
        ) : (
          <AdvisorGrantsSection householdId={householdId} />
        )}
      </section>
      <section className="card" aria-labelledby="fx-heading">
        <h2 id="fx-heading" className="mb-2">
          Exchange rates
        </h2>
        <FxRatesSection householdId={householdId} />
      </section>
      <section className="card" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading" className="mb-2">
          Privacy
        </h2>
        <QueryView query={me}>{(m) => <PrivacySection email={m.email} />}</QueryView>
      </section>
    </>
  );
}

function HouseholdSettings({ household }: { household: Household }) {
  const queryClient = useQueryClient();
  const form = useForm<HouseholdForm>({ resolver: zodResolver(householdSchema), defaultValues: { name: household.name, reportingCurrency: household.reportingCurrency } });
  // A new reporting currency is checked first: without the rates it needs, every valuation would fail.
  const [missing, setMissing] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: async (v: HouseholdForm) => {
      const currency = v.reportingCurrency.toUpperCase();
      if (currency !== household.reportingCurrency) {
        const coverage = await unwrap(
          api.GET('/api/v1/households/{householdId}/fx-rates/missing', { params: { path: { householdId: household.id }, query: { currency } } }),
        );
        setMissing(coverage.missing.map((m) => `${m.pair} on or before ${formatDate(m.from)}`));
        if (coverage.missing.length > 0) return null;
      }
      return unwrap(api.PUT('/api/v1/households/{householdId}', { params: { path: { householdId: household.id } }, body: { ...v, version: household.version } }));
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      await queryClient.invalidateQueries({ queryKey: keys.household(household.id) });
      await queryClient.invalidateQueries({ queryKey: keys.households });
    },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end" noValidate>
      <Field label="Name" error={errors.name?.message}>
        {(p) => <input {...p} {...form.register('name')} className="input" />}
      </Field>
      <Field label="Reporting currency" error={errors.reportingCurrency?.message}>
        {(p) => <input {...p} {...form.register('reportingCurrency')} className="input uppercase" maxLength={3} />}
      </Field>
      <button type="submit" className="btn" disabled={save.isPending}>
        Save
      </button>
      <div className="sm:col-span-3">
        {save.isError && <ErrorMessage error={save.error} title="Not saved" />}
        {missing.length > 0 && (
          <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
            Not switched: reporting in {form.getValues('reportingCurrency').toUpperCase()} needs exchange rates this household does not have:{' '}
            <strong>{missing.join(', ')}</strong>. Add or import them under Exchange rates below, then save again.
          </div>
        )}
        {save.isSuccess && save.data && <p role="status" className="text-sm text-green-800">Saved.</p>}
      </div>
    </form>
  );
}
