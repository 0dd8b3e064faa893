using System.Text.Json;
using Glidepath.Application.Webhooks;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Notifications;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Notifications;

/// <summary>
/// The outbox dispatcher's notification listener (docs/notifications.md): for each event, one
/// <see cref="Notification"/> per user who may see the household (its owner and advisors with an
/// active grant) and wants the kind on some channel, with the channels still to send flagged. Added to
/// the dispatcher's context, so it commits with the webhook deliveries and the event's dispatch, once.
/// </summary>
public sealed class NotificationFanOut(GlidepathDbContext db, TimeProvider clock) : IOutboxFanOut
{
    public async Task FanOutAsync(IReadOnlyList<OutboxEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        var wanted = events.Where(e => NotificationTemplates.Has(e.Type)).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var households = wanted.Select(e => e.HouseholdId).Distinct().ToList();
        var owners = await db.HouseholdOwners.AsNoTracking().Where(o => households.Contains(o.HouseholdId))
            .Select(o => new { o.HouseholdId, o.UserId }).ToListAsync(ct);
        var advisors = await db.AdvisorGrants.AsNoTracking().Where(g => households.Contains(g.HouseholdId) && g.RevokedUtc == null)
            .Select(g => new { g.HouseholdId, UserId = g.AdvisorId }).ToListAsync(ct);
        var recipients = owners.Concat(advisors).Distinct().ToLookup(r => r.HouseholdId, r => r.UserId);
        var personal = wanted.ToDictionary(e => e.Id, PersonalRecipients);
        var users = recipients.SelectMany(r => r).Concat(personal.Values.SelectMany(p => p?.Select(r => r.UserId) ?? []))
            .Distinct().ToList();
        var preferences = (await db.NotificationPreferences.AsNoTracking().Where(p => users.Contains(p.UserId)).ToListAsync(ct))
            .ToDictionary(p => (p.UserId, p.EventType, p.Channel), p => p.Enabled);
        var symbols = await SymbolsAsync(wanted, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        foreach (var e in wanted)
        {
            RenderedNotification? rendered = null;
            var readers = personal[e.Id] ?? recipients[e.HouseholdId].Distinct().Select(u => (UserId: u, Values: (Dictionary<string, string>?)null)).ToList();
            foreach (var (userId, values) in readers)
            {
                bool On(string channel) => preferences.TryGetValue((userId, e.Type, channel), out var on) ? on : NotificationDefaults.IsOn(e.Type, channel);
                var inApp = On(NotificationChannels.InApp);
                var email = On(NotificationChannels.Email);
                var sms = On(NotificationChannels.Sms);
                var push = On(NotificationChannels.Push);
                if (!(inApp || email || sms || push))
                {
                    continue;
                }

                rendered = values is not null
                    ? NotificationTemplates.Render(e.Type, e.PayloadJson, null, values)
                    : rendered ?? NotificationTemplates.Render(e.Type, e.PayloadJson, InstrumentOf(e) is { } id && symbols.TryGetValue(id, out var s) ? s : null);
                db.Notifications.Add(new Notification
                {
                    UserId = userId,
                    HouseholdId = e.HouseholdId,
                    EventId = e.Id,
                    EventType = e.Type,
                    Title = Fit(rendered.Title, 200),
                    Body = Fit(rendered.Text, 2000),
                    Html = rendered.Html.Length <= 8000 ? rendered.Html : NotificationTemplates.Frame(rendered.Title, "<p>" + System.Net.WebUtility.HtmlEncode(Fit(rendered.Text, 2000)) + "</p>"),
                    CreatedUtc = now,
                    InApp = inApp,
                    EmailPending = email,
                    SmsPending = sms,
                    PushPending = push,
                    LivePending = inApp,
                });
            }
        }
    }

    /// <summary>
    /// The readers of an event told to named users rather than to whoever sees the household, each with their own values; null
    /// for the others. A <c>consultation.reminder</c> goes to the client who booked and to the advisor, whatever the grants
    /// (another advisor of the household does not hear of it), each with the start on their own clock.
    /// </summary>
    private static List<(Guid UserId, Dictionary<string, string>? Values)>? PersonalRecipients(OutboxEvent e)
    {
        if (e.Type != EventTypes.ConsultationReminder)
        {
            return null;
        }

        var reminder = JsonSerializer.Deserialize<ConsultationReminder>(e.PayloadJson, JsonSerializerOptions.Web)!;
        return
        [
            (reminder.ClientId, new(StringComparer.Ordinal) { ["with"] = reminder.AdvisorName, ["start"] = reminder.ClientStart, ["timeZone"] = reminder.ClientTimeZone }),
            (reminder.AdvisorId, new(StringComparer.Ordinal) { ["with"] = "your client", ["start"] = reminder.AdvisorStart, ["timeZone"] = reminder.AdvisorTimeZone }),
        ];
    }

    private async Task<Dictionary<Guid, string>> SymbolsAsync(List<OutboxEvent> events, CancellationToken ct)
    {
        var ids = events.Select(InstrumentOf).OfType<Guid>().Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Instruments.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Symbol, ct);
    }

    private static Guid? InstrumentOf(OutboxEvent e)
    {
        using var payload = JsonDocument.Parse(e.PayloadJson);
        return payload.RootElement.ValueKind == JsonValueKind.Object
            && payload.RootElement.TryGetProperty("instrumentId", out var id) && id.ValueKind == JsonValueKind.String && id.TryGetGuid(out var guid)
            ? guid
            : null;
    }

    internal static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
