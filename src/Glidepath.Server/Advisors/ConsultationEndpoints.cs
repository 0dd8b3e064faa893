using Glidepath.Application.Advisors;
using Glidepath.Server.Api;
using Glidepath.Server.Auth;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;
using Glidepath.Server.Protection;

namespace Glidepath.Server.Advisors;

/// <summary>
/// Advisor profiles, matching and consultations (docs/advisors.md), onto <see cref="AdvisorProfiles"/> and
/// <see cref="Consultations"/>: an advisor's own profile, hours and bookings (<c>/api/advisor/…</c>, advisor role with
/// a second factor); the admin's verification (<c>/api/admin/advisors</c>); and a household owner's matching, slots,
/// bookings and reviews (<c>/api/households/{id}/advisors</c> and <c>…/consultations</c>, owner only: a granted
/// advisor never books for a client).
/// </summary>
public static class ConsultationEndpoints
{
    public static IEndpointRouteBuilder MapAdvisorProfileEndpoints(this IEndpointRouteBuilder api)
    {
        var own = api.MapGroup("/advisor").WithTags("Advisors").RequireAuthorization(AuthPolicies.Advisor);
        own.MapGet("/profile", GetProfile).WithName("GetAdvisorProfile").WithSummary("The advisor's own profile")
            .WithDescription("The signed-in advisor's profile: specialities, credentials, languages, time zone, fee model, bio, slot length and whether an admin verified it.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        own.MapPut("/profile", SaveProfile).WithName("SaveAdvisorProfile").WithSummary("Write the advisor's own profile")
            .WithDescription("Creates or changes the signed-in advisor's profile (null fields keep their value). Changing the credentials withdraws the verification until an admin verifies again.")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        own.MapGet("/availability", GetAvailability).WithName("GetAdvisorAvailability").WithSummary("The advisor's weekly hours")
            .WithDescription("Weekly windows (local times in the profile's time zone) and dated exceptions.").ProducesProblems(StatusCodes.Status404NotFound);
        own.MapPut("/availability", SetAvailability).WithName("SetAdvisorAvailability").WithSummary("Replace the advisor's weekly hours")
            .WithDescription("Replaces the weekly windows and exceptions as a whole; local times in the profile's time zone, which decides UTC across daylight-saving changes.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        own.MapGet("/consultations", AdvisorConsultations).WithName("ListAdvisorConsultations").WithSummary("The advisor's consultations")
            .WithDescription("Every consultation booked with the signed-in advisor, booked and cancelled, by start.");

        var admin = api.MapGroup("/admin/advisors").WithTags("Admin").RequireAuthorization(AuthPolicies.Admin);
        admin.MapGet("", AdminList).WithName("ListAdvisorProfiles").WithSummary("List advisor profiles")
            .WithDescription("Every advisor profile with the advisor's e-mail, unverified first. Admins only.");
        admin.MapPost("/{advisorId:guid}/verify", Verify).WithName("VerifyAdvisor").WithSummary("Verify an advisor")
            .WithDescription("Marks the advisor's profile verified, so clients see it in matching. Admins only.").ProducesProblems(StatusCodes.Status404NotFound);
        admin.MapDelete("/{advisorId:guid}/verify", Unverify).WithName("UnverifyAdvisor").WithSummary("Withdraw an advisor's verification")
            .WithDescription("Hides the advisor from matching until verified again; booked consultations stay. Admins only.").ProducesProblems(StatusCodes.Status404NotFound);
        return api;
    }

    public static RouteGroupBuilder MapConsultationEndpoints(this RouteGroupBuilder household)
    {
        var advisors = household.MapGroup("/advisors").WithTags("Advisors").RequireHouseholdOwner();
        advisors.MapGet("", Match).WithName("MatchAdvisors").WithSummary("Find advisors for the household")
            .WithDescription("Verified advisors ranked by fit to the household's needs (from its plans' goals, accounts, liabilities and tax settings), free slots in the next 14 days and rating (docs/advisors.md, \"Matching\"); need and language (ISO 639-1) filter. Each result says why it ranks there. Owner only.")
            .ProducesProblems(StatusCodes.Status400BadRequest).CostsReads();
        advisors.MapGet("/{advisorId:guid}/slots", Slots).WithName("ListAdvisorSlots").WithSummary("An advisor's free slots")
            .WithDescription("Free slots from the date from (in timeZone, default today) for days days (1 to 62, default 14), each in UTC, in the client's timeZone (IANA) and in the advisor's. Owner only.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        var consultations = household.MapGroup("/consultations").WithTags("Advisors").RequireHouseholdOwner();
        consultations.MapGet("", List).WithName("ListConsultations").WithSummary("The household's consultations")
            .WithDescription("Every consultation booked for the household, booked and cancelled, by start, with the review when there is one. Owner only.");
        consultations.MapPost("", Book).WithName("BookConsultation").WithSummary("Book a consultation")
            .WithDescription("Books one of the advisor's free slots (201) and e-mails both an ICS invitation. Unless shareHousehold is false, the advisor may read the household until a day after the consultation. A slot someone else booked first is 409 slot-taken. Owner only.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        consultations.MapPost("/{consultationId:guid}/cancel", Cancel).WithName("CancelConsultation").WithSummary("Cancel a consultation")
            .WithDescription("Cancels up to 24 hours before the start (later is 409 notice-period-passed), ends the advisor's consultation grant and e-mails a cancellation. Owner only.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        consultations.MapPost("/{consultationId:guid}/reschedule", Reschedule).WithName("RescheduleConsultation").WithSummary("Move a consultation")
            .WithDescription("Moves the consultation to another free slot of the same advisor, up to 24 hours before its current start, and e-mails the updated invitation. Owner only.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        consultations.MapPost("/{consultationId:guid}/review", Review).WithName("ReviewConsultation").WithSummary("Review a consultation")
            .WithDescription("1 to 5 stars and a comment, once per consultation, by the client who booked it, after it ended (201). Owner only.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return household;
    }

    private static async Task<Results<Ok<AdvisorProfileDto>, ProblemAnswer>> GetProfile(HttpContext http, AdvisorProfiles profiles, CancellationToken ct) =>
        (await profiles.GetAsync(http.User.UserId(), ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<AdvisorProfileDto>, ProblemAnswer>> SaveProfile(AdvisorProfileRequest request, HttpContext http, AdvisorProfiles profiles, CancellationToken ct) =>
        (await profiles.SaveAsync(http.User.UserId(), request, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<AvailabilityDto>, ProblemAnswer>> GetAvailability(HttpContext http, AdvisorProfiles profiles, CancellationToken ct) =>
        (await profiles.AvailabilityAsync(http.User.UserId(), ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<AvailabilityDto>, ProblemAnswer>> SetAvailability(AvailabilityRequest request, HttpContext http, AdvisorProfiles profiles, CancellationToken ct) =>
        (await profiles.SetAvailabilityAsync(http.User.UserId(), request, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Ok<List<ConsultationDto>>> AdvisorConsultations(HttpContext http, Consultations consultations, CancellationToken ct) =>
        TypedResults.Ok((await consultations.ListForAdvisorAsync(http.User.UserId(), ct)).ToList());

    private static async Task<Ok<List<AdminAdvisorDto>>> AdminList(AdvisorProfiles profiles, CancellationToken ct) =>
        TypedResults.Ok((await profiles.ListForAdminAsync(ct)).ToList());

    private static async Task<Results<Ok<AdvisorProfileDto>, ProblemAnswer>> Verify(Guid advisorId, HttpContext http, AdvisorProfiles profiles, CancellationToken ct) =>
        (await profiles.VerifyAsync(advisorId, verified: true, http.User.UserId(), ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<AdvisorProfileDto>, ProblemAnswer>> Unverify(Guid advisorId, HttpContext http, AdvisorProfiles profiles, CancellationToken ct) =>
        (await profiles.VerifyAsync(advisorId, verified: false, http.User.UserId(), ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<AdvisorMatchesDto>, ProblemAnswer>> Match(Guid householdId, string? need, string? language, Consultations consultations, CancellationToken ct) =>
        (await consultations.MatchAsync(householdId, need, language, ct)).ToHttp(TypedResults.Ok);

    /// <summary>The household in the route decides who may ask (its owner); the slots are the advisor's.</summary>
    private static async Task<Results<Ok<SlotsDto>, ProblemAnswer>> Slots(
        Guid householdId, Guid advisorId, DateOnly? from, int? days, string? timeZone, Consultations consultations, CancellationToken ct)
    {
        _ = householdId;
        return (await consultations.SlotsAsync(advisorId, from, days, timeZone, ct)).ToHttp(TypedResults.Ok);
    }

    private static async Task<Ok<List<ConsultationDto>>> List(Guid householdId, Consultations consultations, CancellationToken ct) =>
        TypedResults.Ok((await consultations.ListAsync(householdId, ct)).ToList());

    private static async Task<Results<Created<ConsultationDto>, ProblemAnswer>> Book(
        Guid householdId, BookConsultationRequest request, HttpContext http, Consultations consultations, CancellationToken ct) =>
        (await consultations.BookAsync(householdId, http.User.UserId(), request, ct))
            .ToHttp(c => TypedResults.Created($"/api/households/{householdId}/consultations/{c.Id}", c));

    private static async Task<Results<Ok<ConsultationDto>, ProblemAnswer>> Cancel(Guid householdId, Guid consultationId, Consultations consultations, CancellationToken ct) =>
        (await consultations.CancelAsync(householdId, consultationId, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<ConsultationDto>, ProblemAnswer>> Reschedule(
        Guid householdId, Guid consultationId, RescheduleRequest request, Consultations consultations, CancellationToken ct) =>
        (await consultations.RescheduleAsync(householdId, consultationId, request, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Created<ReviewDto>, ProblemAnswer>> Review(
        Guid householdId, Guid consultationId, ReviewRequest request, HttpContext http, Consultations consultations, CancellationToken ct) =>
        (await consultations.ReviewAsync(householdId, consultationId, http.User.UserId(), request, ct))
            .ToHttp(r => TypedResults.Created($"/api/households/{householdId}/consultations/{consultationId}/review", r));
}
