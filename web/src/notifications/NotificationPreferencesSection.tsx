import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ErrorMessage, QueryView } from '../components/DataState';
import { channelLabels, notificationKeys, preferenceGrid } from './notifications';

/** Per event kind and channel, on or off (the server's defaults until changed), and the daily digest e-mail. */
export function NotificationPreferencesSection() {
  const queryClient = useQueryClient();
  const preferences = useQuery({ queryKey: notificationKeys.preferences, queryFn: () => unwrap(api.GET('/api/v1/notifications/preferences')) });
  const save = useMutation({
    mutationFn: (body: { preferences: { eventType: string; channel: string; enabled: boolean; isDefault: boolean }[] | null; dailyDigest: boolean | null }) =>
      unwrap(api.PUT('/api/v1/notifications/preferences', { body })),
    onSuccess: (next) => queryClient.setQueryData(notificationKeys.preferences, next),
  });
  return (
    <div className="space-y-3 text-sm">
      <QueryView query={preferences} loadingLabel="Loading your notification preferences…">
        {(p) => {
          const grid = preferenceGrid(p.preferences);
          const channels = grid[0]?.cells.map((c) => c.channel) ?? [];
          return (
            <>
              <table className="w-full" data-testid="notification-preferences">
                <thead>
                  <tr>
                    <th className="text-left">Event</th>
                    {channels.map((c) => (
                      <th key={c}>{channelLabels[c] ?? c}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {grid.map((row) => (
                    <tr key={row.eventType}>
                      <td>{row.eventType}</td>
                      {row.cells.map((cell) => (
                        <td key={cell.channel} className="text-center">
                          <input
                            type="checkbox"
                            aria-label={`${row.eventType} by ${channelLabels[cell.channel] ?? cell.channel}`}
                            checked={cell.enabled}
                            disabled={save.isPending}
                            onChange={(e) => save.mutate({ preferences: [{ ...cell, enabled: e.target.checked }], dailyDigest: null })}
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={p.dailyDigest} disabled={save.isPending} onChange={(e) => save.mutate({ preferences: null, dailyDigest: e.target.checked })} />
                Daily digest: one e-mail a day listing what is unread
              </label>
              <p className="text-slate-600">SMS uses the phone number on your account; SMS and push are logged only until a gateway is configured.</p>
            </>
          );
        }}
      </QueryView>
      {save.isError && <ErrorMessage error={save.error} title="Not saved" />}
    </div>
  );
}
