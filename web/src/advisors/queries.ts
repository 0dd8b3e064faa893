import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export const advisorsKeys = {
  match: (householdId: string, need: string, language: string) => ['advisors', householdId, 'match', need, language] as const,
  slots: (householdId: string, advisorId: string, timeZone: string) => ['advisors', householdId, 'slots', advisorId, timeZone] as const,
  consultations: (householdId: string) => ['advisors', householdId, 'consultations'] as const,
  all: (householdId: string) => ['advisors', householdId] as const,
};

/** GET …/advisors?need=&language=: verified advisors ranked for the household, each with why. */
export function useMatches(householdId: string, need: string, language: string) {
  return useQuery({
    queryKey: advisorsKeys.match(householdId, need, language),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/households/{householdId}/advisors', {
          params: { path: { householdId }, query: { need: need || undefined, language: language || undefined } },
        }),
      ),
  });
}

/** GET …/advisors/{advisorId}/slots in the browser's zone (asked only when an advisor is opened). */
/** The advisor's free slots for 14 days, from now or from the date `from` (YYYY-MM-DD, midnight in `timeZone`). */
export function useSlots(householdId: string, advisorId: string | null, timeZone: string, from?: string) {
  return useQuery({
    queryKey: [...advisorsKeys.slots(householdId, advisorId ?? '', timeZone), from ?? ''],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/households/{householdId}/advisors/{advisorId}/slots', {
          params: { path: { householdId, advisorId: advisorId! }, query: { timeZone, days: 14, from: from || undefined } },
        }),
      ),
    enabled: advisorId !== null,
  });
}

export function useConsultations(householdId: string) {
  return useQuery({
    queryKey: advisorsKeys.consultations(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/consultations', { params: { path: { householdId } } })),
  });
}

/** Every change reads matches, slots and consultations again (a booking changes free slots and ranks). */
function useRefresh(householdId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: advisorsKeys.all(householdId) });
}

export function useBook(householdId: string) {
  const refresh = useRefresh(householdId);
  return useMutation({
    mutationFn: (body: { advisorId: string; startUtc: string; timeZone: string; need?: string; shareHousehold: boolean }) =>
      unwrap(api.POST('/api/v1/households/{householdId}/consultations', { params: { path: { householdId } }, body })),
    onSettled: refresh,
  });
}

export function useCancel(householdId: string) {
  const refresh = useRefresh(householdId);
  return useMutation({
    mutationFn: (consultationId: string) =>
      unwrap(api.POST('/api/v1/households/{householdId}/consultations/{consultationId}/cancel', { params: { path: { householdId, consultationId } } })),
    onSettled: refresh,
  });
}

export function useReschedule(householdId: string) {
  const refresh = useRefresh(householdId);
  return useMutation({
    mutationFn: (v: { consultationId: string; startUtc: string }) =>
      unwrap(
        api.POST('/api/v1/households/{householdId}/consultations/{consultationId}/reschedule', {
          params: { path: { householdId, consultationId: v.consultationId } },
          body: { startUtc: v.startUtc },
        }),
      ),
    onSettled: refresh,
  });
}

export function useReview(householdId: string) {
  const refresh = useRefresh(householdId);
  return useMutation({
    mutationFn: (v: { consultationId: string; rating: number; comment: string }) =>
      unwrap(
        api.POST('/api/v1/households/{householdId}/consultations/{consultationId}/review', {
          params: { path: { householdId, consultationId: v.consultationId } },
          body: { rating: v.rating, comment: v.comment },
        }),
      ),
    onSettled: refresh,
  });
}
