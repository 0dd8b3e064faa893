using Glidepath.Application.Notifications;
using Glidepath.Server.Api;
using Glidepath.Server.Auth;
using Glidepath.Server.Errors;

namespace Glidepath.Server.Notifications;

/// <summary>
/// <c>/api/notifications</c>: the signed-in user's notification centre (newest first with the unread
/// count, mark one or all read) and their preferences per event kind and channel, with the daily digest
/// (docs/notifications.md). Everything is the caller's own; onto <see cref="UserNotifications"/>.
/// </summary>
public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");
        group.MapGet("", List).WithName("ListNotifications").WithSummary("The notification centre")
            .WithDescription("One page of the caller's in-app notifications, newest first (page from 1, pageSize 1 to 1000, default 50; limit is the older name of pageSize; unreadOnly=true for unread ones), with Link headers to the other pages, and how many are unread in all. Only notifications of households the caller may see now.")
            .WithPageLinks().ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapPost("/{notificationId:guid}/read", MarkRead).WithName("MarkNotificationRead").WithSummary("Mark a notification read")
            .WithDescription("Marks one of the caller's notifications read (again is a no-op) and answers it.").ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/read-all", MarkAllRead).WithName("MarkAllNotificationsRead").WithSummary("Mark every notification read")
            .WithDescription("Marks all of the caller's unread notifications read and answers how many.");
        group.MapGet("/preferences", Preferences).WithName("GetNotificationPreferences").WithSummary("Notification preferences")
            .WithDescription("Every event kind on every channel (inApp, email, sms, push), on or off, marked isDefault where the caller never chose; and whether the daily digest e-mail is on.");
        group.MapPut("/preferences", SetPreferences).WithName("SetNotificationPreferences").WithSummary("Change notification preferences")
            .WithDescription("Sets the kinds and channels the request names (the others keep their setting) and the daily digest when given; answers the whole set.")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        return group;
    }

    private static async Task<Results<Ok<NotificationPage>, ValidationProblem>> List(
        HttpContext http, UserNotifications notifications, int? page, int? pageSize, int? limit, CancellationToken ct, bool unreadOnly = false)
    {
        var (pageNumber, size) = (page ?? 1, pageSize ?? limit ?? 50);
        if (new ValidationErrors().CheckPage(pageNumber, size) is { HasErrors: true } errors)
        {
            return errors.ToProblem();
        }

        var list = await notifications.ListAsync(HouseholdScope.CallerOf(http.User), unreadOnly, pageNumber, size, ct);
        return TypedResults.Ok(new NotificationPage(list.Items, pageNumber, size, list.TotalCount, list.UnreadCount));
    }

    private static async Task<Results<Ok<NotificationDto>, ProblemAnswer>> MarkRead(Guid notificationId, HttpContext http, UserNotifications notifications, CancellationToken ct) =>
        (await notifications.MarkReadAsync(HouseholdScope.CallerOf(http.User), notificationId, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Ok<MarkedReadDto>> MarkAllRead(HttpContext http, UserNotifications notifications, CancellationToken ct) =>
        TypedResults.Ok(new MarkedReadDto(await notifications.MarkAllReadAsync(HouseholdScope.CallerOf(http.User), ct)));

    private static async Task<Ok<NotificationPreferencesDto>> Preferences(HttpContext http, UserNotifications notifications, CancellationToken ct) =>
        TypedResults.Ok(await notifications.PreferencesAsync(http.User.UserId(), ct));

    private static async Task<Results<Ok<NotificationPreferencesDto>, ProblemAnswer>> SetPreferences(
        NotificationPreferencesRequest request, HttpContext http, UserNotifications notifications, CancellationToken ct) =>
        (await notifications.SetPreferencesAsync(http.User.UserId(), request, ct)).ToHttp(TypedResults.Ok);
}

/// <summary>One page of the notification centre (docs/api.md, "Paging"), and how many are unread in all.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationDto> Items, int Page, int PageSize, int TotalCount, int UnreadCount) : IPage;

/// <summary>How many notifications a mark-all-read marked.</summary>
public sealed record MarkedReadDto(int Marked);
